import Foundation

/// Turns an MP4 the ffmpeg CLI wrote into a phone-style portrait clip: the CLI of
/// Debian's FFmpeg 5.1 cannot write a display matrix, so the track header is patched.
public enum RotatedClip {
    /// `data` with a 90° clockwise display rotation in every track header.
    public static func turningClockwise(_ data: Data) -> Data {
        FixtureFactory.rotatingClockwise(data)
    }
}
