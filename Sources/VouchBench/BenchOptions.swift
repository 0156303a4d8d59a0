import ArgumentParser

/// The options every `vouch bench` subcommand shares.
struct BenchOptions: ParsableArguments {
    @Argument(help: "A video file, for example 60 s of 720p H.264 (bash Scripts/bench-footage makes one).")
    var file: String

    @Option(help: "Rounds; the median counts.")
    var `repeat` = 3

    @Flag(help: "Print the result as JSON.")
    var json = false

    var rounds: Int { max(`repeat`, 1) }
}

/// The middle value: robust to the one slow round a shared machine produces.
func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}
