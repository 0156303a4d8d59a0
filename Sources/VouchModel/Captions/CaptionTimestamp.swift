/// WebVTT's timestamps, `mm:ss.ttt` or `hh:mm:ss.ttt`, read strictly and written in one form.
enum CaptionTimestamp {
    /// Hours are read up to this value; anything later is as good as infinitely late, and cannot overflow.
    private static let hoursCeiling = 1_000_000_000

    /// The timestamp's milliseconds, or nil when it is not `mm:ss.ttt` or `hh:mm:ss.ttt` with
    /// hours of two digits or more, minutes and seconds of two digits below 60 and exactly three
    /// digits of milliseconds.
    static func milliseconds(_ token: some Collection<Unicode.Scalar>) -> Int? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let last = parts.last else { return nil }
        var hours = 0
        if parts.count == 3 {
            guard parts[0].count >= 2, let value = number(parts[0], ceiling: hoursCeiling) else { return nil }
            hours = value
        }
        let fraction = last.split(separator: ".", omittingEmptySubsequences: false)
        guard let minutes = twoDigitsBelowSixty(parts[parts.count - 2]),
              fraction.count == 2, let seconds = twoDigitsBelowSixty(fraction[0]),
              fraction[1].count == 3, let milliseconds = number(fraction[1], ceiling: 1000)
        else { return nil }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds
    }

    /// `HH:MM:SS.mmm`, hours of two digits or more; negative times are written as zero.
    static func text(milliseconds: Int) -> String {
        let total = max(0, milliseconds)
        let hours = total / 3_600_000, minutes = total / 60_000 % 60, seconds = total / 1000 % 60
        return "\(padded(hours, 2)):\(padded(minutes, 2)):\(padded(seconds, 2)).\(padded(total % 1000, 3))"
    }

    private static func twoDigitsBelowSixty(_ digits: some Collection<Unicode.Scalar>) -> Int? {
        guard digits.count == 2, let value = number(digits, ceiling: 100), value < 60 else { return nil }
        return value
    }

    /// The ASCII digits' value, kept at `ceiling` once it reaches it; nil for no digits or any other character.
    private static func number(_ digits: some Collection<Unicode.Scalar>, ceiling: Int) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for scalar in digits {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = min(ceiling, value * 10 + Int(scalar.value - 48))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Duration {
    /// The duration in whole milliseconds, at most `Int.max`.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? Int.max : Int(milliseconds) + Int(attoseconds / 1_000_000_000_000_000)
    }
}
