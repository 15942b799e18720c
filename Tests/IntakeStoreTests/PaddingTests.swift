import Foundation
import Testing
@testable import IntakeStore

@Suite struct PaddingTests {
    @Test func bucketsAre1024AndThePowersOfTwoAbove() {
        #expect(Padding.bucket(for: 0) == 1024)
        #expect(Padding.bucket(for: 2) == 1024)
        #expect(Padding.bucket(for: 1023) == 1024)
        #expect(Padding.bucket(for: 1024) == 2048)
        #expect(Padding.bucket(for: 2047) == 2048)
        #expect(Padding.bucket(for: 2048) == 4096)
        #expect(Padding.bucket(for: 5000) == 8192)
    }

    @Test func paddingIs0x80ThenZeros() {
        let padded = Padding.pad(Data("yes".utf8))
        #expect(padded.count == 1024)
        #expect(Array(padded.prefix(5)) == [0x79, 0x65, 0x73, 0x80, 0x00])
        #expect(padded.dropFirst(4).allSatisfy { $0 == 0 })
        #expect(Padding.pad(Data("no".utf8)).count == 1024)
        #expect(Padding.pad(Data(count: 1023)).count == 1024)
        #expect(Padding.pad(Data(count: 1023)).last == 0x80)
        #expect(Padding.pad(Data(count: 1024)).count == 2048)
    }

    @Test func unpaddingIsExactAndRefusesBadPadding() {
        // Values that end in 0x80 or zero bytes themselves come back whole.
        for value in [Data(), Data([0x80]), Data([0x00]), Data([0x41, 0x80, 0x00]), Data(count: 1023)] {
            #expect(Padding.unpad(Padding.pad(value)) == value)
        }
        #expect(Padding.unpad(Data(count: 1024)) == nil)  // no 0x80
        #expect(Padding.unpad(Data([0x41, 0x81]) + Data(count: 1022)) == nil)  // last non-zero is not 0x80
        #expect(Padding.unpad(Data([0x41, 0x80]) + Data(count: 1021)) == nil)  // 1023 bytes: not a bucket
        #expect(Padding.unpad(Data([0x41, 0x80]) + Data(count: 1534)) == nil)  // 1536 bytes: not a bucket
    }
}
