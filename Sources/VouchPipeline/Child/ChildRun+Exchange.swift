import Foundation

extension ChildRun {
    /// Sends `request` to the child as JSON and reads its typed answer: exit 0 is an
    /// `Answer`, exit 65 an ``AnalysisRejection`` (the clip is at fault), anything else
    /// (a signal, another status, an unreadable answer) a ``PipelineError`` naming it.
    /// The one protocol every isolated child (analysis, rendition) speaks.
    func exchange<Answer: Decodable>(_ request: some Encodable, for answer: Answer.Type) async throws -> Answer {
        let ending = try await run(input: try JSONEncoder().encode(request))
        switch ending.status {
        case .signaled(let signal):
            throw PipelineError.childCrashed(signal: signal)
        case .exited(0):
            do {
                return try JSONDecoder().decode(Answer.self, from: ending.answer)
            } catch {
                throw PipelineError.childFailed(status: 0, detail: "its answer was not readable: \(error)")
            }
        case .exited(65):
            guard let rejection = try? JSONDecoder().decode(AnalysisRejection.self, from: ending.answer) else {
                throw PipelineError.childFailed(status: 65, detail: ending.errorTail)
            }
            throw PipelineError.rejectedMedia(rejection.reason)
        case .exited(let status):
            throw PipelineError.childFailed(status: status, detail: ending.errorTail)
        }
    }
}
