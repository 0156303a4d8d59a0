import CFFmpeg
import Foundation

/// How a stored frame must be turned to appear upright.
///
/// Phones record portrait video as landscape frames plus a display matrix;
/// fingerprints must see what a viewer sees, or a reposted clip whose matrix was
/// baked into the pixels would not match its original.
struct DisplayOrientation: Equatable {
    /// Clockwise degrees: 0, 90, 180 or 270.
    var clockwiseDegrees: Int
    /// Whether the stored frame is mirrored horizontally before it is rotated.
    var mirrored: Bool

    static let upright = DisplayOrientation(clockwiseDegrees: 0, mirrored: false)

    init(clockwiseDegrees: Int, mirrored: Bool) {
        self.clockwiseDegrees = clockwiseDegrees
        self.mirrored = mirrored
    }

    init(of stream: UnsafeMutablePointer<AVStream>) {
        guard let matrix = vouch_display_matrix(stream) else {
            self = .upright
            return
        }
        let counterClockwise = av_display_rotation_get(matrix)
        guard counterClockwise.isFinite else {
            self = .upright
            return
        }
        let quarterTurns = Int((-counterClockwise / 90).rounded())
        clockwiseDegrees = ((quarterTurns % 4 + 4) % 4) * 90
        mirrored = vouch_display_matrix_is_mirrored(matrix) != 0
    }
}
