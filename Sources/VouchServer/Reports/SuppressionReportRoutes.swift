import Foundation
import Hummingbird
import VouchStore

/// The anti-suppression report (16 CFR 465.7): holds and rejections by star rating, reason
/// and platform over a period, as JSON or CSV. A platform sees its own clips
/// (`GET /v1/reports/suppression`); moderators see every platform's
/// (`/moderate/reports/suppression`, a page, and its CSV).
struct SuppressionReportRoutes: Sendable {
    let store: Store

    func register(platformAPI: some RouterMethods<VouchRequestContext>) {
        platformAPI.get("/v1/reports/suppression") { request, context in
            let platform = try context.requirePlatform()
            let period = try ReportPeriod(request, now: store.clock.now())
            let report = try await store.suppressionReport(from: period.from, to: period.to, platform: platform.id)
            return try Self.answer(report, request: request)
        }
    }

    /// For the moderators' group: the HTML page is rendered by `page`.
    func register(moderators: some RouterMethods<VouchRequestContext>, page: @escaping @Sendable (SuppressionReport, Request, VouchRequestContext) throws -> Response) {
        moderators.get("reports/suppression") { request, context in
            let period = try ReportPeriod(request, now: store.clock.now())
            let report = try await store.suppressionReport(from: period.from, to: period.to)
            if try Self.wantsCSV(request) { return Self.csv(report) }
            return try page(report, request, context)
        }
    }

    private static func answer(_ report: SuppressionReport, request: Request) throws -> Response {
        try wantsCSV(request) ? csv(report) : try JSONAnswer.response(SuppressionReportBody(report))
    }

    /// `format=csv`, or `Accept: text/csv` without a format; any other format is refused.
    private static func wantsCSV(_ request: Request) throws(Problem) -> Bool {
        switch request.uri.queryParameters["format"] {
        case "csv": return true
        case "json": return false
        case nil: return request.headers[.accept]?.contains("text/csv") ?? false
        case let other?: throw .badRequest("format must be json or csv, not '\(other)'")
        }
    }

    private static func csv(_ report: SuppressionReport) -> Response {
        let day = Date.ISO8601FormatStyle().year().month().day()
        let name = "suppression-\(report.from.formatted(day))-\(report.to.formatted(day)).csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                                               .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: report.csv)))
    }
}
