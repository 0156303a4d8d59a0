import VouchModel
import VouchProvenance

extension ScoreExplanation: StoredAsJSON {}

extension Provenance: StoredAsJSON {}
