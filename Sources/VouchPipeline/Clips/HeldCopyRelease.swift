import Foundation
import VouchFingerprint
import VouchModel
import VouchStore

/// Looks again at the clips held only as copies once the common-content bank has grown
/// (learned by the pipeline, or banked by a moderator), and publishes those whose every
/// copy match now lies in common content, through the store's release (the review-log
/// entry and webhooks of an approval, an audit entry by the system).
public struct HeldCopyRelease: Sendable {
    let store: Store
    let matcher: TemporalMatcher
    let settings: CommonContentSettings
    let scoring: ScoringModel

    public init(store: Store, configuration: PipelineConfiguration) {
        self.init(store: store, matcher: TemporalMatcher(settings: configuration.fingerprint.matching, minimumQuality: configuration.fingerprint.minimumQuality),
                  settings: configuration.pipeline.commonContent, scoring: configuration.scoring)
    }

    init(store: Store, matcher: TemporalMatcher, settings: CommonContentSettings, scoring: ScoringModel) {
        self.store = store
        self.matcher = matcher
        self.settings = settings
        self.scoring = scoring
    }

    /// Releases what the bank now explains; returns the clips released.
    @discardableResult
    public func releaseHeldClips(reason: String) async throws -> [Int64] {
        let bank = try await store.commonContentFingerprints()
        var released: [Int64] = []
        for id in try await store.clipsHeldOnlyAsCopies() {
            guard let clip = try await store.clip(id: id), let data = try await store.fingerprint(clip: id),
                  let fingerprint = try? VideoFingerprint(binary: data) else { continue }
            let common = matcher.commonContent(in: fingerprint, bank: bank)
            guard !common.isEmpty else { continue }
            var matches: [ConfirmedMatch] = []
            for stored in try await store.matches(clip: id) {
                guard let match = try? JSONDecoder().decode(FingerprintMatch.self, from: Data(stored.alignment.utf8)) else { continue }
                matches.append(try await ConfirmedMatch(clipID: stored.matchedClipID, match: match)
                    .settingAside(common, in: fingerprint, matcher: matcher, settings: settings, store: store))
            }
            let assessment = try await ClipAssessment.assess(clip, matches: matches, provenance: clip.provenance ?? .absent, store: store, scoring: scoring)
            guard assessment.flags.isEmpty else { continue }
            if try await store.releaseHeldCopy(clip: id, explanation: assessment.explanation, matches: try matches.map { try $0.record() }, reason: reason) {
                released.append(id)
            }
        }
        return released
    }
}
