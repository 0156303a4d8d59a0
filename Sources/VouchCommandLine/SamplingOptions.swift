import ArgumentParser
import VouchMedia

/// The `--fps` and `--size` options of commands that sample frames.
public struct SamplingOptions: ParsableArguments {
    @Option(help: "Frames sampled per second of video.")
    public var fps: Double = 1

    @Option(help: "Longest side of a delivered frame, in pixels; 0 keeps the stream's size.")
    public var size: Int = 256

    public init() {}

    public func validate() throws {
        guard fps > 0, fps <= 240 else { throw ValidationError("--fps must be in (0, 240]") }
        guard size >= 0 else { throw ValidationError("--size must be 0 or more") }
    }

    public var sampling: FrameSampling {
        FrameSampling(framesPerSecond: fps, size: size == 0 ? .original : .fitting(maxDimension: size))
    }
}
