import Testing
import VouchPipeline

@Suite struct WebhookAddressPolicyTests {
    let strict = WebhookAddressPolicy(allowPrivateAddresses: false)

    @Test func refusesOtherSchemesAndCredentials() async {
        await #expect(throws: WebhookURLError.scheme("file")) { try await strict.check("file:///etc/passwd") }
        await #expect(throws: WebhookURLError.scheme("gopher")) { try await strict.check("gopher://example.com/") }
        await #expect(throws: WebhookURLError.credentials) { try await strict.check("https://user:pw@example.com/") }
        await #expect(throws: WebhookURLError.self) { try await strict.check("not a url") }
    }

    @Test(arguments: ["http://127.0.0.1/", "http://localhost:8080/", "http://10.1.2.3/", "http://172.20.0.1/", "http://192.168.1.1/",
                      "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"])
    func refusesInternalAddresses(url: String) async {
        await #expect(throws: WebhookURLError.self) { try await strict.check(url) }
    }

    /// The ranges the security review found open, each in a form that reaches an internal
    /// service or can be made to, and their neighbours.
    @Test(arguments: [
        "http://[64:ff9b::7f00:1]/",            // NAT64 of 127.0.0.1
        "http://[64:ff9b::a9fe:a9fe]/",         // NAT64 of the metadata service
        "http://[64:ff9b:1::5db8:d70e]/",       // local-use NAT64, any layout
        "http://[2002:7f00:1::1]/",             // 6to4 of 127.0.0.1
        "http://[2002:5db8:d70e::1]/",          // 6to4 of a public address: the relay is not ours to trust
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  // Teredo
        "http://[::7f00:1]/",                   // IPv4-compatible ::127.0.0.1
        "http://[::a00:1]/",                    // IPv4-compatible ::10.0.0.1
        "http://[::ffff:a00:1]/",               // IPv4-mapped 10.0.0.1
        "http://[::ffff:a9fe:a9fe]/",           // IPv4-mapped metadata service
        "http://192.0.0.8/", "http://198.18.0.1/", "http://198.19.255.254/",
        "http://[fec0::1]/", "http://[fe80::1]/", "http://[ff02::1]/", "http://[100::1]/", "http://[2001:db8::1]/", "http://[::]/",
        "http://2130706433/",                   // 127.0.0.1 as one number
    ])
    func refusesTheRangesTheReviewFoundOpen(url: String) async {
        await #expect(throws: WebhookURLError.self) { try await strict.check(url) }
    }

    @Test func acceptsPublicAddressesAndPrivateOnesWhenAllowed() async throws {
        #expect(try await strict.check("https://93.184.215.14/hook").host == "93.184.215.14")
        #expect(try await strict.check("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook").port == 443)
        #expect(try await strict.check("http://[64:ff9b::5db8:d70e]/hook").port == 80, "DNS64's form of a public address")
        #expect(try await WebhookAddressPolicy(allowPrivateAddresses: true).check("http://127.0.0.1:9/hook").port == 9)
    }

    @Test func aRefusalNamesTheHostButNotTheAddressItResolvedTo() async {
        let policy = WebhookAddressPolicy(allowPrivateAddresses: false, resolver: ScriptedResolver([["93.184.215.14", "10.20.30.40"]]))
        do {
            try await policy.check("https://intranet.example/hook")
            Issue.record("an internal address was accepted")
        } catch {
            #expect(error == .internalAddress(host: "intranet.example"))
            #expect(error.description.contains("intranet.example") && !error.description.contains("10.20.30.40"))
        }
    }
}
