import Foundation
import IntakeCore
import Testing
@testable import IntakeTUI

/// Questionnaires loaded after the first frame arrive as an event, through `update`.
@Suite struct BackgroundLoadingTests {
    @Test func loadedQuestionnairesReplaceThePlaceholdersThroughUpdate() {
        let r = makeRunner(Fixtures.allTypes)
        #expect(r.screen.contains("Questionnaire: Every kind of question"))
        r.send(.report(.loaded(LoadedQuestionnaires([Fixtures.quick]))))
        #expect(r.model.questionnaires.map(\.id) == ["quick-screen"])
        #expect(r.screen.contains("Questionnaire: Quick work and safety check"))
    }
}
