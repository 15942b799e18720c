import Testing
@testable import IntakeTUI

@Suite struct UTF8LocaleTests {
    @Test func theEnvironmentsUTF8LocaleIsKept() {
        var tried: [String] = []
        #expect(UTF8Locale.choose { tried.append($0); return true } == "")
        #expect(tried == [""])
    }

    @Test func aLocaleThatIsNotUTF8SwitchesToCUTF8() {
        var tried: [String] = []
        #expect(UTF8Locale.choose { tried.append($0); return $0 == "C.UTF-8" } == "C.UTF-8")
        #expect(tried == ["", "C.UTF-8"])
        #expect(UTF8Locale.choose { $0 == "en_US.UTF-8" } == "en_US.UTF-8")
    }

    @Test func withoutAnyUTF8LocaleThePersonIsToldWhatToSet() {
        #expect(UTF8Locale.choose { _ in false } == nil)
        let message = UTF8Locale.failure(codeset: "ANSI_X3.4-1968").description
        #expect(message == "the locale's character set is ANSI_X3.4-1968, not UTF-8, and no UTF-8 locale is installed; "
            + "set LANG to a UTF-8 locale (for example LANG=C.UTF-8 or en_US.UTF-8; `locale -a` lists them) and start again")
    }
}
