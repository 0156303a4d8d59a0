import Foundation
import VouchStore

/// Draws, as SVG, a product's demand per day: raw counts as a grey dashed line, trusted
/// demand as a solid blue one, on one scale, so the gap between them is what bots and
/// untrusted accounts added. Generated on the server; the page needs no script.
struct DemandPlot {
    var id: String
    var label: String
    var days: [DemandDay]
    /// The first and last day drawn.
    var from: Date
    var to: Date

    private static let width = 720.0, height = 220.0, left = 56.0, right = 16.0, top = 16.0, bottom = 36.0

    var svg: String {
        let dayLength = 86_400.0
        let span = max(to.timeIntervalSince(from) / dayLength, 1)
        let peak = max(days.map { max(Double($0.raw), $0.trusted) }.max() ?? 0, 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ date: Date) -> Double { Self.left + date.timeIntervalSince(from) / dayLength / span * plotWidth }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - value / peak) }
        // Every day of the span is a point; a day without signals is a zero, not a gap bridged by the line.
        let byDay = Dictionary(days.map { (Int($0.day.timeIntervalSince1970 / dayLength), $0) }, uniquingKeysWith: { first, _ in first })
        let firstDay = Int((from.timeIntervalSince1970 / dayLength).rounded(.up)), lastDay = Int(to.timeIntervalSince1970 / dayLength)
        func line(_ value: (DemandDay) -> Double) -> String {
            (firstDay...max(firstDay, lastDay)).map { number in
                let date = Date(timeIntervalSince1970: Double(number) * dayLength)
                return String(format: "%.1f,%.1f", x(date), y(byDay[number].map(value) ?? 0))
            }.joined(separator: " ")
        }
        let title = AlignmentTimeline.escape(label)
        var parts = ["""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-labelledby="\(id)-title" class="demand-plot">
            <title id="\(id)-title">\(title): raw and trusted demand per day</title>
            <line x1="\(Self.left)" y1="\(y(0))" x2="\(Self.width - Self.right)" y2="\(y(0))" class="axis"/>
            <text x="\(Self.left - 8)" y="\(y(peak) + 4)" text-anchor="end" class="tick">\(Int(peak))</text>
            <text x="\(Self.left - 8)" y="\(y(0) + 4)" text-anchor="end" class="tick">0</text>
            <text x="\(Self.left)" y="\(Self.height - 8)" class="tick">\(Self.day(from))</text>
            <text x="\(Self.width - Self.right)" y="\(Self.height - 8)" text-anchor="end" class="tick">\(Self.day(to))</text>
            """]
        if !days.isEmpty {
            parts.append("<polyline points=\"\(line { Double($0.raw) })\" class=\"raw\"/>")
            parts.append("<polyline points=\"\(line(\.trusted))\" class=\"trusted\"/>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "d MMM"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_GB")
        return formatter.string(from: date)
    }
}
