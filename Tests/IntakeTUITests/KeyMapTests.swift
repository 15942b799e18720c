import Testing
@testable import IntakeTUI

@Suite struct KeyMapTests {
    let map = KeyMap.standard

    @Test(arguments: KeyContext.allCases)
    func everyActionOfAContextIsReachable(_ context: KeyContext) {
        let bound = Set(map.bindings(in: context).map(\.action))
        for action in context.actions {
            #expect(bound.contains(action), "\(action) has no key in \(context)")
        }
    }

    @Test(arguments: KeyContext.allCases)
    func everyActionIsReachableWithoutFunctionKeys(_ context: KeyContext) {
        let bound = Set(map.bindings(in: context).filter { !$0.key.isFunctionKey }.map(\.action))
        for action in context.actions {
            #expect(bound.contains(action), "\(action) needs a function key in \(context)")
        }
    }

    @Test func noBindingInATextContextIsAPrintableCharacter() {
        for context in KeyContext.allCases where context.typesText {
            for b in map.bindings(in: context) {
                #expect(!b.key.isText, "\(b.key) is bound to \(b.action) in \(context) but types text")
            }
        }
    }

    @Test func printableKeysAndPastesTypeTextInTextContexts() {
        for context in [KeyContext.text, .multilineText] {
            #expect(map.action(for: .char("?"), in: context) == .edit(.insert("?")))
            #expect(map.action(for: .char("1"), in: context) == .edit(.insert("1")))
            #expect(map.action(for: .char(" "), in: context) == .edit(.insert(" ")))
            #expect(map.action(for: .paste("a\nb"), in: context) == .edit(.insert("a\nb")))
        }
        #expect(map.action(for: .char("?"), in: .choice) == .help)
        #expect(map.action(for: .char("3"), in: .choice) == .select(3))
        #expect(map.action(for: .paste("123"), in: .choice) == nil)  // a stray paste answers nothing
        #expect(map.action(for: .char("q"), in: .screen) == nil)
    }

    @Test(arguments: KeyContext.allCases)
    func quickHideIsOneKeystrokeEverywhere(_ context: KeyContext) {
        #expect(map.action(for: .escape, in: context) == .quickHide)
        #expect(map.action(for: .function(12), in: context) == .quickHide)
    }

    @Test(arguments: KeyContext.allCases)
    func noKeyIsBoundTwiceInAContext(_ context: KeyContext) {
        var seen: [KeyEvent: Action] = [:]
        for b in map.bindings(in: context) {
            #expect(seen[b.key] == nil, "\(b.key) means both \(seen[b.key]!) and \(b.action) in \(context)")
            seen[b.key] = b.action
        }
    }

    @Test func keysThatTerminalsOrMultiplexersTakeAreNotUsed() {
        // a: screen prefix, b: tmux prefix, h: Backspace, i: Tab, j/m: Enter,
        // q/s: flow control, v: paste, w: closes browser tabs, z: suspend.
        let avoided: Set<Character> = ["a", "b", "h", "i", "j", "m", "q", "s", "v", "w", "z"]
        for b in map.bindings {
            if case .ctrl(let c) = b.key { #expect(!avoided.contains(c), "Ctrl-\(c) is bound") }
            if case .function(11) = b.key { Issue.record("F11 toggles full screen in many terminals") }
        }
    }

    @Test func theBasicsAreWhereTheBriefPutsThem() {
        for context in [KeyContext.choice, .text, .multilineText] {
            #expect(map.action(for: .enter, in: context) == .next)
            #expect(map.action(for: .backTab, in: context) == .back)
            #expect(map.action(for: .pageUp, in: context) == .back)
            #expect(map.action(for: .function(1), in: context) == .help)
            #expect(map.action(for: .function(2), in: context) == .dontKnow)
            #expect(map.action(for: .ctrl("d"), in: context) == .dontKnow)
            #expect(map.action(for: .function(3), in: context) == .declined)
            #expect(map.action(for: .ctrl("n"), in: context) == .declined)
        }
        #expect(map.action(for: .left, in: .choice) == .back)
        #expect(map.action(for: .left, in: .text) == .edit(.left))
        #expect(map.action(for: .ctrl("r"), in: .hidden) == .unhide)
        #expect(map.action(for: .ctrl("r"), in: .text) == .remark)
        #expect(map.action(for: .enter, in: .hidden) == nil)
    }

    @Test(arguments: KeyContext.allCases)
    func helpListsEveryBinding(_ context: KeyContext) {
        let help = map.help(for: context)
        for b in map.bindings(in: context) {
            let entry = help.first { $0.action.sharesHelpLine(with: b.action) && $0.description == b.description }
            #expect(entry?.keys.contains(b.key.longLabel) == true, "\(b.key) missing from help in \(context)")
        }
        #expect(help.contains { $0.keys == ["Esc", "F12"] && $0.description == "Hide the screen at once" })
    }

    @Test func footerShowsOneItemPerActionInPriorityOrder() {
        let items = map.footer(for: .choice)
        #expect(items.prefix(6).map(\.text) == ["[Enter] Next", "[PgUp] Back", "[F2] Don't know", "[F3] Skip", "[F1] Help", "[Esc] Hide"])
        #expect(items.contains { $0.text == "[↑/↓] Move" })
        #expect(Set(items.map(\.label)).count == items.count)
        #expect(map.footer(for: .text).allSatisfy { $0.keys != "?" })
    }
}

@Suite struct KeyBurstTests {
    @Test func singleKeysPassThrough() {
        #expect(KeyBurst.coalesce([.char("a")]) == [.char("a")])
        #expect(KeyBurst.coalesce([.enter]) == [.enter])
        #expect(KeyBurst.coalesce([.char("1"), .enter]) == [.char("1"), .enter])
    }

    @Test func aBurstOfTextIsAPasteWithItsLineBreaks() {
        let burst: [KeyEvent] = [.char("h"), .char("i"), .enter, .char("y"), .tab, .char("o")]
        #expect(KeyBurst.coalesce(burst) == [.paste("hi\ny o")])
        #expect(KeyBurst.coalesce([.char("a"), .char("b"), .up]) == [.paste("ab"), .up])
    }

    /// Text typed ahead and then Enter, read in one go while the program
    /// was busy (a slow machine, a loaded tmux), is text and then Enter:
    /// the Enter confirms the answer instead of becoming a line break
    /// inside it (the e2e org-keys test lost it so).
    @Test func anEnterThatEndsABurstStaysEnter() {
        let burst: [KeyEvent] = [.char("n"), .char("o"), .enter]
        #expect(KeyBurst.coalesce(burst) == [.paste("no"), .enter])
        #expect(KeyBurst.coalesce([.char("a"), .enter, .char("b"), .enter, .enter]) == [.paste("a\nb"), .enter, .enter])
    }

    @Test func aBurstWithAHideKeyIsNeverMerged() {
        let burst: [KeyEvent] = [.char("a"), .char("b"), .escape, .enter]
        #expect(KeyBurst.coalesce(burst) == burst)
        #expect(KeyBurst.coalesce([.char("a"), .function(12), .char("b")]) == [.char("a"), .function(12), .char("b")])
    }
}

@Suite struct HideLockTests {
    func feed(_ lock: inout HideLock, _ key: KeyEvent) -> Bool {
        lock.feed(key, action: KeyMap.standard.action(for: key, in: .hidden))
    }

    @Test func ctrlRThenEnterUnlocks() {
        var lock = HideLock()
        #expect(!feed(&lock, .ctrl("r")))
        #expect(feed(&lock, .enter))
    }

    @Test func anythingElseStartsOver() {
        var lock = HideLock()
        for key: KeyEvent in [.enter, .char("x"), .escape, .function(1), .ctrl("c")] { #expect(!feed(&lock, key)) }
        #expect(!feed(&lock, .ctrl("r")))
        #expect(!feed(&lock, .char("x")))
        #expect(!feed(&lock, .enter))
        #expect(!feed(&lock, .ctrl("r")))
        #expect(!feed(&lock, .escape))
        #expect(!feed(&lock, .enter))
    }
}

@Suite struct KeyDecodingTests {
    @Test func controlCharactersBecomeNamedKeys() {
        #expect(Terminal.decode(character: 13) == .enter)
        #expect(Terminal.decode(character: 10) == .enter)
        #expect(Terminal.decode(character: 9) == .tab)
        #expect(Terminal.decode(character: 27) == .escape)
        #expect(Terminal.decode(character: 127) == .backspace)
        #expect(Terminal.decode(character: 8) == .backspace)
        #expect(Terminal.decode(character: 4) == .ctrl("d"))
        #expect(Terminal.decode(character: 3) == .ctrl("c"))
        #expect(Terminal.decode(character: 0x9B) == .unknown(0x9B))
        #expect(Terminal.decode(character: 0x4E2D) == .char("中"))
        #expect(Terminal.decode(character: 0x0E35) == .char("\u{0E35}"))
    }
}

@Suite struct HelpScreenTests {
    /// The help over the fixture's multiline text question: longer than
    /// the screen, it scrolls, and stops at its last line.
    @Test func helpOverAMultilineAnswerScrollsToItsEndAndStopsThere() {
        let r = makeRunner()
        walkToMultilineQuestion(r)
        r.press(.function(1))
        #expect(r.grid.lines[0].hasPrefix(" Help: keys"))
        #expect(r.grid.lines[2].hasPrefix("  Enter, Tab, Page Down"))
        #expect(r.grid.lines[20].hasSuffix("↓"))
        #expect(r.grid.lines[23].contains("[↑/↓] Move"))
        for _ in 0..<40 { r.press(.down) }
        let end = r.screen
        #expect(r.grid.lines[2].hasSuffix("↑"))
        #expect(!r.grid.lines[20].hasSuffix("↓"))
        r.press(.down)
        #expect(r.screen == end)
        // One Up is one line back, however often Down was pressed.
        r.press(.up)
        #expect(r.screen != end)
        #expect(r.grid.lines[20].hasSuffix("↓"))
    }

    @Test func markdownTableHasEveryBinding() {
        let table = KeyMap.standard.markdownTable()
        let rows = table.split(separator: "\n").dropFirst(2)
        for b in KeyMap.standard.bindings {
            #expect(rows.contains { $0.contains("`\(b.key.longLabel)`") && $0.contains(b.description) },
                    "\(b.key.longLabel) → \(b.description) missing")
        }
        #expect(table.contains("| `Esc`, `F12` | Hide the screen at once | everywhere |"))
    }
}
