import VouchFingerprint
import VouchStore

/// How the workers run: `pipeline` in `Config/vouch.json`.
public struct PipelineSettings: Sendable, Codable, Equatable {
    /// Workers `vouch serve` runs in its own process on the embedded default.
    public var inProcessWorkers = 1
    /// How often an idle worker looks for work.
    public var pollSeconds = 0.5
    /// How often every process's index catches up with the store.
    public var indexPollSeconds = 0.25
    /// Keyframe JPEGs kept per clip for moderators.
    public var keyframes = 6
    /// Keep uploads in the spool after processing (for audits); by default they are deleted.
    public var retainUploads = false
    /// The analysis child's limits.
    public var child = ChildLimits()
    /// The analysis child's command; empty means this executable's `analyze` subcommand.
    public var analyzerCommand: [String] = []
    /// The rendition child's command; empty: the analyzer's executable's `render` subcommand.
    public var rendererCommand: [String] = []
    public var queue = QueuePolicy()
    /// How long a worker told to stop (SIGTERM) may keep working on its clip before it
    /// kills the analysis child and gives the job back to the queue for another worker.
    public var drainSeconds = 25.0
    /// Earlier clips of the same product (and the reference bank) compared with each new
    /// clip directly, besides the index's candidates: how cropped copies are caught.
    public var productSweep = 50
    /// How intros, end cards and other content many identities' clips share are learned and discounted.
    public var commonContent = CommonContentSettings()
    /// How often each process recomputes graph trust from the stored social graph.
    public var trustRecomputeSeconds = 300.0
    /// How demand signals are weighed; recomputed with trust.
    public var demand = DemandSettings()
    /// How verdict changes reach the platforms' webhooks.
    public var webhooks = WebhookSettings()

    public init() {}

    public var analyzer: IsolatedAnalyzer {
        analyzerCommand.isEmpty ? .ownExecutable : IsolatedAnalyzer(command: analyzerCommand)
    }

    /// The rendition child: `rendererCommand`, or the `render` subcommand of the executable
    /// that analyses; nil when the analyzer is a stand-in with no such subcommand.
    public var renderer: IsolatedRenderer? {
        if !rendererCommand.isEmpty { return IsolatedRenderer(command: rendererCommand) }
        if analyzerCommand.isEmpty { return .ownExecutable }
        guard analyzerCommand.last == "analyze" else { return nil }
        return IsolatedRenderer(command: analyzerCommand.dropLast() + ["render"])
    }
}
