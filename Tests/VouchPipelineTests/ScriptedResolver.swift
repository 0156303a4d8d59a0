import VouchPipeline

/// Answers each lookup with the next scripted list of addresses, the last one for ever
/// after: a DNS server that rebinds a name between one question and the next.
actor ScriptedResolver: HostResolver {
    private var answers: [[IPAddress]]
    private(set) var questions: [String] = []

    init(_ answers: [[String]]) {
        self.answers = answers.map { $0.compactMap(IPAddress.init) }
    }

    func addresses(of host: String) async -> [IPAddress] {
        questions.append(host)
        return answers.count > 1 ? answers.removeFirst() : answers.first ?? []
    }
}
