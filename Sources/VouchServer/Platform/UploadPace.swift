/// Cuts off uploads that trickle: after a grace period, a body must keep arriving at a
/// minimum rate, so a slow client cannot hold a connection, a spool file and a quota
/// reservation for as long as it likes.
struct UploadPace {
    let minimumBytesPerSecond: Double
    let gracePeriod: Duration
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private(set) var received = 0

    init(minimumBytesPerSecond: Double, gracePeriod: Duration) {
        self.minimumBytesPerSecond = minimumBytesPerSecond
        self.gracePeriod = gracePeriod
        start = clock.now
    }

    /// Counts `bytes` more, and throws once the upload has fallen behind the minimum rate.
    mutating func received(_ bytes: Int) throws(Problem) {
        received += bytes
        let elapsed = clock.now - start
        if elapsed > gracePeriod, Double(received) < minimumBytesPerSecond * (elapsed / .seconds(1)) {
            throw Problem(.requestTimeout, "upload-too-slow", title: "The upload was too slow",
                          detail: "uploads must arrive at \(Int(minimumBytesPerSecond)) bytes a second or faster; this one sent \(received) bytes in \(elapsed)")
        }
    }
}
