import VouchModel

extension ClipStatus {
    /// A clip's `status` column: only this store writes it, so text that names no status is a corrupt record.
    init(stored text: String, clip: Int64) throws {
        guard let status = ClipStatus(rawValue: text) else { throw StoreError.corruptRecord("status '\(text)' of clip \(clip)") }
        self = status
    }
}
