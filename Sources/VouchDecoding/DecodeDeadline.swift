import CFFmpeg
import Foundation

/// The decode-time budget of one clip, visible to FFmpeg's blocking calls.
///
/// FFmpeg polls an interrupt callback inside its I/O and probing loops; pointing
/// that callback at this deadline stops a hostile file that makes probing crawl,
/// not only a decode loop that Swift controls.
final class DecodeDeadline {
    let budgetSeconds: Double
    private let expiresAt: UInt64

    init(budgetSeconds: Double) {
        self.budgetSeconds = budgetSeconds
        let budgetNanos = budgetSeconds >= Double(UInt64.max / 2) / 1e9 ? UInt64.max / 2 : UInt64(budgetSeconds * 1e9)
        expiresAt = Self.now() &+ budgetNanos
    }

    var hasExpired: Bool { Self.now() > expiresAt }

    /// The callback to install in `AVFormatContext.interrupt_callback`; `self` must outlive the context.
    var interruptCallback: AVIOInterruptCB {
        AVIOInterruptCB(
            callback: { opaque in
                guard let opaque else { return 0 }
                return Unmanaged<DecodeDeadline>.fromOpaque(opaque).takeUnretainedValue().hasExpired ? 1 : 0
            },
            opaque: Unmanaged.passUnretained(self).toOpaque()
        )
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
