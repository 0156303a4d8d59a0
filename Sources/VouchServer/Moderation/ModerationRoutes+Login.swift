import Foundation
import Hummingbird

extension ModerationRoutes {
    struct LoginForm: Decodable {
        var name: String
        var password: String
        var token: String?
        var next: String?
    }

    struct LogoutForm: Decodable {
        var csrf: String?
    }

    /// `GET /moderate/login`: the form, with a fresh double-submit token.
    func loginPage(_ request: Request) throws -> Response {
        let (token, cookie) = sessions.loginToken()
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        return try pages.render(LoginPage(token: token, next: next, name: "", error: nil), template: "login", cookies: [cookie])
    }

    /// `POST /moderate/login`: checks the form's token, then the password under the
    /// throttle; on success starts a session and goes where the moderator was headed.
    func logIn(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let form = try await self.form(LoginForm.self, from: request, context: context)
        let next = Self.safeNext(form.next)
        let refuse = { (status: HTTPResponse.Status, message: String) throws -> Response in
            let (token, cookie) = sessions.loginToken()
            return try pages.render(LoginPage(token: token, next: next, name: form.name, error: message), template: "login", status: status, cookies: [cookie])
        }
        guard sessions.checkLoginToken(form.token, request: request) else {
            return try refuse(.forbidden, "The login form expired. Please try again.")
        }
        let account: ModeratorAccount
        do {
            account = try await login.authenticate(name: form.name, password: form.password, from: context.clientAddress)
        } catch ModeratorLogin.Refusal.refused {
            return try refuse(.unauthorized, "Wrong name or password, or too many failed logins from here: check them, or wait \(Int(settings.lockoutMinutes)) minutes.")
        } catch ModeratorLogin.Refusal.busy {
            return try refuse(.serviceUnavailable, "The server is checking many logins. Try again in a moment.")
        }
        var response = Response.redirect(to: account.role == .merchant && !next.hasPrefix(MerchantPages.path) ? MerchantPages.path : next, type: .normal)
        response.setCookie(try await sessions.start(for: account))
        return response
    }

    /// `POST /moderate/logout`: ends the session (with its CSRF token, so no other site can log a moderator out).
    func logOut(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let moderator = try context.requireModerator()
        try moderator.checkCSRF(try await form(LogoutForm.self, from: request, context: context).csrf)
        var response = Response.redirect(to: "/moderate/login", type: .normal)
        response.setCookie(try await sessions.end(moderator))
        return response
    }

    /// Where to send a moderator after login: only a path of this UI, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/moderate"), !next.contains("//"), !next.contains("\\"), !next.hasPrefix("/moderate/login") else {
            return "/moderate"
        }
        return next
    }
}
