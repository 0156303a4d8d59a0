import Hummingbird
import VouchStore

/// The review log, public: the latest signed checkpoint (C2SP signed note), the log's
/// public key, its entries, and inclusion and consistency proofs. With only these and
/// the key, anyone can check that a review shown to them is in the log, and that the
/// log only ever grew.
struct LogRoutes: Sendable {
    let store: Store
    static let maximumEntries = 1000

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.get("/v1/log/checkpoint") { _, _ in try await checkpoint() }
        router.get("/v1/log/key") { _, _ in try await key() }
        router.get("/v1/log/entries") { request, context in try await entries(request, context: context) }
        router.get("/v1/log/proofs/inclusion") { request, context in try await inclusion(request, context: context) }
        router.get("/v1/log/proofs/consistency") { request, context in try await consistency(request, context: context) }
    }

    func checkpoint() async throws -> Response {
        guard let checkpoint = try await store.latestCheckpoint() else {
            throw Problem(.notFound, "no-checkpoint", title: "No checkpoint yet",
                          detail: "the log has not been signed yet; a process with the log's key signs within seconds of the first entry")
        }
        return Self.text(checkpoint.note)
    }

    func key() async throws -> Response {
        guard let key = try await store.logVerifier() else {
            throw Problem(.notFound, "no-checkpoint", title: "No key yet", detail: "the log's key is recorded with its first checkpoint")
        }
        return Self.text(key + "\n")
    }

    func entries(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let start = try Self.number(query["start"], name: "start", minimum: 0)
        let limit = try query["limit"].map { text throws(Problem) in try Self.number(text, name: "limit", minimum: 1) } ?? 100
        guard limit <= Int64(Self.maximumEntries) else { throw Problem.badRequest("limit is at most \(Self.maximumEntries)") }
        return try JSONAnswer.response(LogEntriesBody(try await store.logEntries(from: start, limit: Int(limit))))
    }

    func inclusion(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let index = try Self.number(query["index"], name: "index", minimum: 0)
        let size = try Self.number(query["treeSize"], name: "treeSize", minimum: 1)
        return try await Self.answer { try InclusionProofBody(await store.inclusionProof(leaf: index, treeSize: size)) }
    }

    func consistency(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let old = try Self.number(query["from"], name: "from", minimum: 1)
        let new = try Self.number(query["to"], name: "to", minimum: 1)
        return try await Self.answer { try ConsistencyProofBody(await store.consistencyProof(from: old, to: new)) }
    }

    private static func answer(_ body: () async throws -> some Encodable) async throws -> Response {
        do {
            return try JSONAnswer.response(try await body())
        } catch let error as LogError {
            throw Problem(.notFound, "log-out-of-range", title: "No such proof", detail: error.description)
        }
    }

    private static func number(_ text: Substring?, name: String, minimum: Int64) throws(Problem) -> Int64 {
        guard let text else { throw .badRequest("\(name) is required") }
        guard let value = Int64(text), value >= minimum else { throw .badRequest("\(name) must be a whole number of at least \(minimum)") }
        return value
    }

    private static func text(_ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
