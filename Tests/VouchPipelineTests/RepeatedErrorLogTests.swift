import Foundation
import Logging
import Synchronization
import Testing
import VouchPipeline

/// An outage fails every request the same way: the log says so once a minute, with a count.
@Suite struct RepeatedErrorLogTests {
    /// Keeps what is logged, for the test to read.
    final class Captured: LogHandler, @unchecked Sendable {
        let lines = Mutex<[(String, Logger.Metadata?)]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            lines.withLock { $0.append(("\(message)", metadata)) }
        }
    }

    @Test func identicalErrorsAreLoggedOnceAWindowWithHowManyWereHeldBack() async {
        let captured = Captured()
        let log = RepeatedErrorLog(logger: Logger(label: "test") { _ in captured }, window: .seconds(60))
        let start = ContinuousClock.now
        for second in 0..<100 { await log.log(.error, "the store is unavailable", now: start + .seconds(Double(second) * 0.5)) }
        await log.log(.error, "something else", now: start + .seconds(10))
        await log.log(.error, "the store is unavailable", now: start + .seconds(61))
        let lines = captured.lines.withLock { $0 }
        #expect(lines.map(\.0) == ["the store is unavailable", "something else", "the store is unavailable"])
        #expect(lines.last?.1?["repeated"].map { "\($0)" }?.hasPrefix("99 more times") == true, "\(lines)")
    }
}
