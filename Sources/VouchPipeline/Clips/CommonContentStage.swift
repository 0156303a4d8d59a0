import Logging
import VouchFingerprint
import VouchStore

/// The common-content stage, between matching and assessment: a new clip's matches
/// lose the segments that lie in the common-content bank (end cards, intros), and a
/// stretch of the clip that enough other identities' clips show at their edges joins
/// the bank first, releasing the clips held only because of it.
///
/// `Docs/scoring.md` ("Common content") explains the rule and its guards.
struct CommonContentStage: Sendable {
    let store: Store
    let matcher: TemporalMatcher
    let settings: CommonContentSettings
    let scoring: ScoringModel
    let logger: Logger

    /// `matches`, each with its common content set aside and re-scored.
    func discount(_ matches: [ConfirmedMatch], of fingerprint: VideoFingerprint, for clip: ClipRecord) async throws -> [ConfirmedMatch] {
        guard !matches.isEmpty else { return matches }
        var common = matcher.commonContent(in: fingerprint, bank: try await store.commonContentFingerprints())
        let learned = settings.learnable(in: fingerprint, identity: try await store.identityID(of: clip),
                                         sightings: try await sightings(of: matches), known: common)
        for stretch in learned {
            let excerpt = fingerprint.excerpt(stretch.span)
            let entry = try await store.addCommonContent(
                excerpt.binary(), seconds: excerpt.duration, source: .learned, addedBy: "system",
                reason: "seen at the start or end of clips of \(settings.identities) or more other identities", seenIn: [clip.id] + stretch.clipIDs)
            logger.info("common content learned", metadata: ["clip": "\(clip.id)", "entry": "\(entry.id)", "seenIn": "\(entry.seenIn)"])
            common = common.union(TimeSpans([stretch.span]))
        }
        if !learned.isEmpty {
            let released = try await HeldCopyRelease(store: store, matcher: matcher, settings: settings, scoring: scoring)
                .releaseHeldClips(reason: "its matches lie in common content learned from clip \(clip.id)")
            if !released.isEmpty { logger.info("clips held only for common content released", metadata: ["clips": "\(released)"]) }
        }
        var discounted: [ConfirmedMatch] = []
        for confirmed in matches {
            discounted.append(try await confirmed.settingAside(common, in: fingerprint, matcher: matcher, settings: settings, store: store))
        }
        return discounted
    }

    /// The matched clips as learning sees them: whose they are and how long.
    private func sightings(of matches: [ConfirmedMatch]) async throws -> [CommonContentSighting] {
        var sightings: [CommonContentSighting] = []
        for confirmed in matches {
            guard let earlier = try await store.clip(id: confirmed.clipID),
                  let data = try await store.fingerprint(clip: earlier.id), let reference = try? VideoFingerprint(binary: data)
            else { continue }
            sightings.append(CommonContentSighting(clipID: earlier.id, identity: try await store.identityID(of: earlier),
                                                   match: confirmed.match, referenceDuration: reference.duration))
        }
        return sightings
    }
}

extension ConfirmedMatch {
    /// The match with `common` content set aside, by the share the settings name;
    /// when the common content alone made it a match, the rest of the clip is
    /// compared again with the matched clip's stored fingerprint
    /// (``TemporalMatcher/comparingPast(_:_:of:with:)``).
    func settingAside(
        _ common: TimeSpans, in fingerprint: VideoFingerprint, matcher: TemporalMatcher, settings: CommonContentSettings, store: Store
    ) async throws -> ConfirmedMatch {
        let discounted = match.discounting(common, in: fingerprint, settings: matcher.settings, share: settings.discountShare)
        guard discounted.isCommonContentOnly, let data = try await store.fingerprint(clip: clipID),
              let reference = try? VideoFingerprint(binary: data) else { return ConfirmedMatch(clipID: clipID, match: discounted) }
        return ConfirmedMatch(clipID: clipID, match: matcher.comparingPast(common, discounted, of: fingerprint, with: reference))
    }
}

extension Store {
    /// The bank's excerpts, decoded; an entry that no longer decodes is skipped.
    func commonContentFingerprints() async throws -> [VideoFingerprint] {
        try await commonContent().compactMap { try? VideoFingerprint(binary: $0.fingerprint) }
    }

    /// The identity behind `clip`'s reviewer.
    func identityID(of clip: ClipRecord) async throws -> Int64 {
        guard let reviewer = try await reviewer(id: clip.reviewerID) else { throw StoreError.notFound("the reviewer of clip \(clip.id)") }
        return reviewer.identityID
    }
}
