import Testing
@testable import VouchDecoding
import VouchMedia

@Suite struct LumaFrameTests {
    /// 1 2 3
    /// 4 5 6
    let frame = LumaFrame(width: 3, height: 2, timestamp: 1.5, pixels: [1, 2, 3, 4, 5, 6])

    @Test func turnsAQuarterClockwise() {
        let turned = frame.oriented(DisplayOrientation(clockwiseDegrees: 90, mirrored: false))
        #expect(turned.width == 2 && turned.height == 3)
        #expect(turned.pixels == [4, 1, 5, 2, 6, 3])
        #expect(turned.timestamp == 1.5)
    }

    @Test func turnsHalfAndThreeQuarters() {
        #expect(frame.oriented(DisplayOrientation(clockwiseDegrees: 180, mirrored: false)).pixels == [6, 5, 4, 3, 2, 1])
        #expect(frame.oriented(DisplayOrientation(clockwiseDegrees: 270, mirrored: false)).pixels == [3, 6, 2, 5, 1, 4])
    }

    @Test func mirrorsBeforeTurning() {
        #expect(frame.oriented(DisplayOrientation(clockwiseDegrees: 0, mirrored: true)).pixels == [3, 2, 1, 6, 5, 4])
        #expect(frame.oriented(DisplayOrientation(clockwiseDegrees: 90, mirrored: true)).pixels == [6, 3, 5, 2, 4, 1])
    }

    @Test func measuresMeanAbsoluteDifference() {
        let other = LumaFrame(width: 3, height: 2, timestamp: 0, pixels: [1, 2, 3, 4, 5, 12])
        #expect(frame.meanAbsoluteDifference(to: other) == 1)
    }

    @Test func resolvesRequestedSizes() {
        #expect(FrameSize.fitting(maxDimension: 256).resolve(width: 1280, height: 720) == (256, 144))
        #expect(FrameSize.fitting(maxDimension: 256).resolve(width: 100, height: 50) == (100, 50))
        #expect(FrameSize.exactly(width: 64, height: 64).resolve(width: 1280, height: 720) == (64, 64))
        #expect(FrameSize.original.resolve(width: 7, height: 3) == (7, 3))
    }
}
