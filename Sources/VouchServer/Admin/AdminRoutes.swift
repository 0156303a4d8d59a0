import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// The admin API: what `vouch platform`, `vouch moderator` do, over HTTP, for operators
/// holding a token (`vouch operator add`). Every change is audited under the operator's
/// name and reaches every process of the fleet within `server.registryRefreshSeconds`.
struct AdminRoutes: Sendable {
    let store: Store
    let registry: LiveRegistry
    static let maximumBodyBytes = 64 << 10

    func register(on router: some RouterMethods<VouchRequestContext>) {
        let admin = router.group("/v1/admin").add(middleware: OperatorAuthenticator(store: store))
        admin.get("/platforms") { _, _ in
            try JSONAnswer.response(["platforms": try await store.registry().platforms.map(PlatformBody.init)])
        }
        admin.post("/platforms") { request, context in try await registerPlatform(request, context: context) }
        admin.post("/platforms/{id}/keys") { request, context in
            let platform = try Self.parameter("id", context)
            let keys = try Self.keys(in: try await Self.body(request))
            for key in keys { try await change { try await store.addPlatformKey(key, platform: platform, by: try Self.actor(context)) } }
            return Response(status: .created)
        }
        admin.post("/platforms/{id}/keys/{kid}/retire") { request, context in
            let grace = try await Self.decode(GraceRequest.self, from: request, context: context)
            try await change {
                try await store.retirePlatformKey(try Self.parameter("kid", context), platform: try Self.parameter("id", context),
                                                  at: try Self.date(after: grace.afterSeconds), by: try Self.actor(context))
            }
            return Response(status: .noContent)
        }
        admin.post("/platforms/{id}/api-keys") { request, context in
            let grace = try await Self.decode(GraceRequest.self, from: request, context: context)
            let platform = try Self.parameter("id", context)
            let expiry = try Self.date(after: grace.afterSeconds ?? 3600)
            let (apiKey, hash) = APIKey.generate()
            try await change { try await store.rotateAPIKey(platform: platform, newSHA256: hash, othersExpireAt: expiry, by: try Self.actor(context)) }
            return try JSONAnswer.response(IssuedAPIKeyBody(platform: platform, apiKey: apiKey, previousKeysExpireAt: expiry), status: .created)
        }
        admin.get("/moderators") { _, _ in
            try JSONAnswer.response(["moderators": try await store.registry().moderators.map { ModeratorBody(name: $0.name, role: $0.role) }])
        }
        admin.post("/moderators") { request, context in try await addModerator(request, context: context) }
        admin.delete("/moderators/{name}") { _, context in
            try await change { try await store.removeModerator(named: try Self.parameter("name", context), by: try Self.actor(context)) }
            return Response(status: .noContent)
        }
    }

    private func registerPlatform(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let body = try await Self.body(request)
        let fields: NewPlatformRequest
        do {
            fields = try JSONDecoder().decode(NewPlatformRequest.self, from: body)
        } catch {
            throw Problem.badRequest("the body must be JSON: {\"id\": \"shop\", \"name\": \"Shop\", \"jwks\": {\"keys\": [...]}}")
        }
        guard (1...100).contains(fields.id.unicodeScalars.count), (1...200).contains(fields.name.unicodeScalars.count) else {
            throw Problem.badRequest("id must be 1–100 characters and name 1–200")
        }
        let keys = try Self.keys(in: body)
        let (apiKey, hash) = APIKey.generate()
        try await change { try await store.registerPlatform(id: fields.id, name: fields.name, keys: keys, apiKeySHA256: hash, by: try Self.actor(context)) }
        return try JSONAnswer.response(IssuedAPIKeyBody(platform: fields.id, apiKey: apiKey), status: .created,
                                       headers: [.location: "/v1/admin/platforms/\(fields.id)"])
    }

    private func addModerator(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let body = try await Self.decode(NewModeratorRequest.self, from: request, context: context)
        guard ModeratorAccount.isValidName(body.name) else {
            throw Problem.badRequest("name must be 1–64 letters, digits, '-', '_' or '.'")
        }
        guard body.password.count >= ModeratorAccount.minimumPasswordLength else {
            throw Problem.badRequest("the password must have at least \(ModeratorAccount.minimumPasswordLength) characters")
        }
        let products = body.products ?? []
        guard products.isEmpty || body.role == .merchant else { throw Problem.badRequest("products are for merchant accounts") }
        guard products.count <= 1000, products.allSatisfy({ (1...200).contains($0.unicodeScalars.count) }) else {
            throw Problem.badRequest("products: at most 1000 ids of 1–200 characters")
        }
        let hash = try await PasswordHash.makeOffCooperativeThreads(password: body.password)
        try await change {
            try await store.addModerator(RegisteredModerator(name: body.name, role: body.role, passwordHash: hash.description), by: try Self.actor(context))
            if body.role == .merchant { try await store.setMerchantProducts(body.name, products: products, by: try Self.actor(context)) }
        }
        return try JSONAnswer.response(ModeratorBody(name: body.name, role: body.role), status: .created)
    }

    /// Runs a registry change, answering the store's refusals as 404 or 409, and makes this
    /// process see the change on its next request.
    private func change(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch StoreError.notFound(let what) {
            throw Problem.notFound("\(what)")
        } catch StoreError.conflict(let what) {
            throw Problem(.conflict, "registry-conflict", title: "The change conflicts with the registry", detail: what)
        }
        await registry.changed()
    }

    /// The JWKS document under the body's `jwks` member, as platform keys.
    static func keys(in body: Data) throws(Problem) -> [PlatformKey] {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let jwks = object["jwks"],
              let document = try? JSONSerialization.data(withJSONObject: jwks) else {
            throw .badRequest("give the platform's public keys as a JWKS document under \"jwks\": {\"keys\": [...]}")
        }
        do {
            let keys = try PlatformKey.keys(fromJWKS: document)
            guard !keys.isEmpty else { throw Problem.badRequest("the JWKS document holds no key") }
            return keys
        } catch let problem as PlatformKey.JWKSProblem {
            throw .badRequest("jwks: \(problem)")
        } catch {
            throw .badRequest("the JWKS document holds no key")
        }
    }

    private static func body(_ request: Request) async throws -> Data {
        do {
            return Data(buffer: try await request.body.collect(upTo: maximumBodyBytes))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge || error.status == .requestTimeout {
            throw error
        }
    }

    private static func decode<Body: Decodable>(_ type: Body.Type, from request: Request, context: VouchRequestContext) async throws -> Body {
        let data = try await body(request)
        do {
            return try JSONDecoder().decode(Body.self, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch {
            throw Problem.badRequest("the body is not the JSON this route takes: see /openapi.json")
        }
    }

    private static func parameter(_ name: String, _ context: VouchRequestContext) throws(Problem) -> String {
        guard let value = context.parameters.get(name)?.removingPercentEncoding, !value.isEmpty else { throw .badRequest("missing \(name)") }
        return value
    }

    private static func date(after seconds: Double?) throws(Problem) -> Date {
        let seconds = seconds ?? 0
        guard seconds.isFinite, (0...(366 * 86_400)).contains(seconds) else { throw .badRequest("afterSeconds must be from 0 to a year") }
        return Date().addingTimeInterval(seconds)
    }

    private static func actor(_ context: VouchRequestContext) throws -> String {
        "operator:\(try context.requireOperator())"
    }
}
