extension ChildLimits {
    /// Limits for making the rendition of a clip that plays `seconds`: a transcode costs
    /// CPU in proportion to the clip's length, where analysis samples a few frames a second.
    ///
    /// libx264's `veryfast` preset at 720p, with the decode of a 1080p source, takes about
    /// 0.5 CPU-seconds per second of video here (Docs/benchmarks.md); five times that, plus
    /// a fixed 30 s for start-up and the poster, leaves room for a slower machine, and the
    /// wall clock allows for two cores shared with other work.
    public static func rendition(seconds: Double) -> ChildLimits {
        let length = max(0, seconds.isFinite ? seconds : 0)
        var limits = ChildLimits()
        limits.cpuSeconds = 30 + Int((2.5 * length).rounded(.up))
        limits.wallSeconds = 60 + 4 * length
        limits.maxAnswerBytes = 64 << 10
        return limits
    }
}
