import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VouchEncoding
import VouchFingerprint
import VouchIndex
import VouchMedia
import VouchModel
import VouchProvenance
import VouchStore

/// Takes clips off the job queue and carries each through the stages: probe,
/// fingerprint and keyframes (in an isolated child), match against the index,
/// identity checks, score, then publish or flag — committed with the job, once.
///
/// Any number of workers, in any number of processes, share one store.
public struct Worker: Sendable {
    public let id: String
    let store: Store
    let index: IndexFollower
    let spool: Spool
    let settings: PipelineSettings
    let media: MediaSettings
    let fingerprinting: FingerprintSettings
    let scoring: ScoringModel
    let provenance: ProvenanceVerifier
    /// Keeps the original, rendition and poster of each clip that is kept.
    let keeper: MediaKeeper
    let logger: Logger

    public init(id: String, store: Store, index: IndexFollower, spool: Spool, settings: PipelineSettings,
                media: MediaSettings, fingerprinting: FingerprintSettings, scoring: ScoringModel,
                provenance: ProvenanceVerifier = ProvenanceVerifier(anchors: []), keeper: MediaKeeper, logger: Logger) {
        self.id = id
        self.store = store
        self.index = index
        self.spool = spool
        self.settings = settings
        self.media = media
        self.fingerprinting = fingerprinting
        self.scoring = scoring
        self.provenance = provenance
        self.keeper = keeper
        self.logger = logger
    }

    /// Works until a graceful shutdown or cancellation, polling when the queue is empty.
    /// A graceful shutdown stops it taking jobs; the job in hand is finished within
    /// `drainSeconds` or given back to the queue.
    public func run() async {
        logger.info("worker started", metadata: ["worker": "\(id)"])
        let errors = RepeatedErrorLog(logger: logger)
        for await _ in PollingTicks(seconds: settings.pollSeconds).cancelOnGracefulShutdown() {
            do {
                while !Task.isShuttingDownGracefully, try await processNext() {}
            } catch where !Task.isCancelled {
                await errors.log(.error, "worker could not reach the store: \(error)", metadata: ["worker": "\(id)"])
            } catch {
                // Cancelled outright (not a graceful shutdown): the lease expires and another worker retries.
            }
        }
        logger.info("worker stopped", metadata: ["worker": "\(id)"])
    }

    /// Claims and processes one job; false when none was ready. Past the drain deadline
    /// of a graceful shutdown, the job is released for another worker instead.
    @discardableResult
    public func processNext() async throws -> Bool {
        guard let job = try await store.claimJob(worker: id) else { return false }
        let finished = try await DrainDeadline.run(seconds: settings.drainSeconds) { try await work(on: job) }
        guard !finished else { return true }
        do {
            try await store.releaseJob(job)
            logger.notice("shutting down: clip released to the queue for another worker", metadata: ["clip": "\(job.clipID)", "job": "\(job.id)"])
        } catch StoreError.leaseLost {
            logger.notice("shutting down: the clip was committed just before the deadline", metadata: ["clip": "\(job.clipID)"])
        }
        return true
    }

    private func work(on job: Job) async throws {
        let heartbeat = Task { [store, settings] in
            for await _ in PollingTicks(seconds: settings.queue.leaseSeconds / 3).dropFirst() {
                guard try await store.heartbeat(job) else { return }
            }
        }
        defer { heartbeat.cancel() }
        let clip = try await store.clip(id: job.clipID)
        do {
            guard let clip else { throw StoreError.notFound("clip \(job.clipID)") }
            let (outcome, fingerprint) = try await process(clip, for: job)
            if let fingerprint, outcome.status != .rejected { await index.insert(clip.id, fingerprint) }
            Counter(label: "vouch_clips_processed_total", dimensions: [("status", outcome.status.rawValue)]).increment()
            logger.info("clip processed", metadata: ["clip": "\(clip.id)", "status": "\(outcome.status.rawValue)", "score": "\(outcome.explanation.parts.score)"])
            await releaseUpload(of: clip)
        } catch let error as PipelineError {
            logger.warning("clip failed", metadata: ["clip": "\(job.clipID)", "reason": "\(error)"])
            let state = try await store.failJob(job, reason: error.platformMessage(uploadPath: clip?.spoolPath), retryable: error.isRetryable)
            if state == .dead {
                Counter(label: "vouch_clips_processed_total", dimensions: [("status", ClipStatus.failed.rawValue)]).increment()
                // A clip that failed for a fault of the server keeps its upload, for `vouch jobs retry`.
                if let clip, !error.isRetryable { await releaseUpload(of: clip) }
            }
        } catch StoreError.leaseLost(let lostJob, _) {
            logger.warning("lease lost; another worker finishes the clip", metadata: ["job": "\(lostJob)"])
        } catch where Task.isCancelled {
            // Cut off by shutdown: the job is the caller's to release, not a failure of the clip.
            throw error
        } catch {
            logger.error("clip attempt failed", metadata: ["clip": "\(job.clipID)", "error": "\(error)"])
            _ = try? await store.failJob(job, reason: "the clip could not be analysed because of a fault on the server; the operator's log has the details",
                                         retryable: true)
        }
    }

    /// Analyses, matches and assesses the clip, and commits its outcome.
    private func process(_ clip: ClipRecord, for job: Job) async throws -> (ClipOutcome, VideoFingerprint?) {
        guard let path = clip.spoolPath, FileManager.default.fileExists(atPath: path) else {
            throw PipelineError.uploadMissing(path: clip.spoolPath ?? "(none)")
        }
        // The upload as the platform sent it: a remux would have dropped the credentials.
        let credentials = await provenance.verify(fileAt: URL(fileURLWithPath: path))
        let request = AnalysisRequest(path: path, media: media, fingerprint: fingerprinting, keyframes: settings.keyframes, limits: settings.child)
        let analysis = try await settings.analyzer.analyze(request)
        analysis.sandbox?.logIfChanged(to: logger)
        let matcher = TemporalMatcher(settings: fingerprinting.matching, minimumQuality: fingerprinting.minimumQuality)
        let finder = MatchFinder(index: index, store: store, matcher: matcher, productSweep: settings.productSweep)
        let common = CommonContentStage(store: store, matcher: matcher, settings: settings.commonContent, scoring: scoring, logger: logger)
        let kept = try await keeper.keep(clip, upload: path, durationSeconds: analysis.info.durationSeconds)
        var position = try await index.caughtUpPosition()
        var matches = try await common.discount(try await finder.matches(of: analysis.fingerprint, for: clip), of: analysis.fingerprint, for: clip)
        var outcome = try await self.outcome(of: clip, analysis, matches: matches, provenance: credentials, media: kept)
        // Clips committed since `position` were analysed beside this one (a copy uploaded at
        // the same moment, perhaps, through another process): matched against them, the
        // outcome tries again, until no commit came between.
        while case .indexedMeanwhile(let clips, let reached) = try await store.finish(job, with: outcome, matchedUpTo: position) {
            position = reached
            let known = Set(matches.map(\.clipID))
            let caught = try await common.discount(try await finder.matches(of: analysis.fingerprint, among: clips.filter { !known.contains($0) }),
                                                   of: analysis.fingerprint, for: clip)
            guard !caught.isEmpty else { continue }
            logger.info("clip matched against clips committed while it was analysed", metadata: ["clip": "\(clip.id)", "matches": "\(caught.map(\.clipID))"])
            matches = (matches + caught).sorted { $0.match.score > $1.match.score }
            outcome = try await self.outcome(of: clip, analysis, matches: matches, provenance: credentials, media: kept)
        }
        return (outcome, analysis.fingerprint)
    }

    /// What the clip's analysis, its matches and its credentials come to, with its media.
    private func outcome(of clip: ClipRecord, _ analysis: ClipAnalysis, matches: [ConfirmedMatch], provenance: Provenance,
                         media: ClipMedia) async throws -> ClipOutcome {
        let assessment = try await ClipAssessment.assess(clip, matches: matches, provenance: provenance, store: store, scoring: scoring)
        return ClipOutcome(
            status: assessment.flags.isEmpty ? .published : .flagged,
            explanation: assessment.explanation,
            probe: try JSONEncoder().text(of: analysis.info),
            fingerprint: analysis.fingerprint.binary(),
            flags: assessment.flags,
            matches: try matches.map { try $0.record() },
            thumbnails: analysis.keyframes.enumerated().map { KeyframeImage(position: $0.offset, timestamp: $0.element.timestamp, jpeg: $0.element.jpeg) },
            provenance: provenance,
            media: media
        )
    }

    /// Deletes the upload, unless retention is on.
    private func releaseUpload(of clip: ClipRecord) async {
        guard !settings.retainUploads, let path = clip.spoolPath else { return }
        spool.remove(path)
        try? await store.clearSpool(clip: clip.id)
    }
}
