import Testing
import VouchModel

@Suite struct GTINTests {
    @Test(arguments: [("4006381333931", "04006381333931"), ("036000291452", "00036000291452"), ("96385074", "00000096385074"),
                      ("10036000291459", "10036000291459"), ("400-6381 333931", "04006381333931")])
    func everyLengthIsKeptAsFourteenDigits(_ text: String, _ digits: String) throws {
        #expect(try GTIN(text).digits == digits)
    }

    @Test func theCheckDigitMustHold() {
        #expect(throws: GTINError.wrongCheckDigit(expected: 1)) { try GTIN("4006381333932") }
        #expect(throws: GTINError.wrongLength(10)) { try GTIN("4006381333") }
        #expect(throws: GTINError.notDigits("40063813339٣1")) { try GTIN("40063813339٣1") }
        #expect(throws: GTINError.notDigits("")) { try GTIN("") }
    }

    @Test func aGTINAndTheSameWithLeadingZerosAreOneProduct() throws {
        #expect(try GTIN("036000291452") == GTIN("0036000291452"))
    }
}
