import Hummingbird
import VouchStore

/// Per-platform limits on what uploads may hold while they stream: how many at once in
/// this process, and how many bytes a platform's clips may take in the spool (those
/// waiting for analysis, in the store, and those being uploaded, reserved here at their
/// declared length or the upload limit). A platform, or a leaked API key, can then fill
/// neither the disk nor the server's connections at the others' expense.
actor UploadQuota {
    private let store: Store
    private let uploadsPerPlatform: Int
    private let spoolBytesPerPlatform: Int64
    private var streaming: [String: (uploads: Int, bytes: Int64)] = [:]

    init(store: Store, uploadsPerPlatform: Int, spoolBytesPerPlatform: Int64) {
        self.store = store
        self.uploadsPerPlatform = uploadsPerPlatform
        self.spoolBytesPerPlatform = spoolBytesPerPlatform
    }

    /// Reserves room for one upload of at most `bytes`, or refuses with 429.
    func reserve(platform: String, bytes: Int64) async throws -> Reservation {
        let waiting = try await store.spooledBytes(platform: platform)
        let current = streaming[platform] ?? (0, 0)
        guard current.uploads < uploadsPerPlatform else {
            throw Self.refused("this platform already has \(current.uploads) uploads streaming, the most it may; retry when one finishes")
        }
        guard waiting + current.bytes + bytes <= spoolBytesPerPlatform else {
            throw Self.refused("this platform's clips already hold \(waiting + current.bytes) bytes waiting for analysis; it may hold \(spoolBytesPerPlatform)")
        }
        streaming[platform] = (current.uploads + 1, current.bytes + bytes)
        return Reservation(platform: platform, bytes: bytes)
    }

    /// Runs `upload` with room reserved for it, released however it ends.
    nonisolated func whileReserved<Answer: Sendable>(platform: String, bytes: Int64, _ upload: () async throws -> Answer) async throws -> Answer {
        let reservation = try await reserve(platform: platform, bytes: bytes)
        do {
            let answer = try await upload()
            await release(reservation)
            return answer
        } catch {
            await release(reservation)
            throw error
        }
    }

    func release(_ reservation: Reservation) {
        guard let current = streaming[reservation.platform] else { return }
        streaming[reservation.platform] = current.uploads <= 1 ? nil : (current.uploads - 1, current.bytes - reservation.bytes)
    }

    /// Room held for one upload until it is released.
    struct Reservation: Sendable {
        var platform: String
        var bytes: Int64
    }

    private static func refused(_ detail: String) -> Problem {
        Problem(.tooManyRequests, "upload-quota", title: "Upload quota reached", detail: detail, headers: [.retryAfter: "30"])
    }
}
