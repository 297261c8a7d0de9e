using IessClave.Web.Domain;

namespace IessClave.Tests.Domain;

public sealed class IdentificationParserTests
{
    [Theory]
    [InlineData("1712345675")]
    [InlineData("0912345675")]
    [InlineData("0104567896")]
    [InlineData("2409876543")]
    [InlineData("3001122336")]
    [InlineData(" 1712345675 ")]
    public void Parse_WhenCedulaIsValid_ReturnsCedula(string input)
    {
        var result = IdentificationParser.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(IdentificationKind.Cedula, result.Identification!.Kind);
        Assert.Equal(input.Trim(), result.Identification.Value);
    }

    [Theory]
    [InlineData("1712345676", IdentificationErrors.CedulaCheckDigit)]
    [InlineData("1712345670", IdentificationErrors.CedulaCheckDigit)]
    [InlineData("0012345675", IdentificationErrors.CedulaProvince)]
    [InlineData("2512345675", IdentificationErrors.CedulaProvince)]
    [InlineData("2912345675", IdentificationErrors.CedulaProvince)]
    [InlineData("3112345675", IdentificationErrors.CedulaProvince)]
    [InlineData("1762345675", IdentificationErrors.CedulaThirdDigit)]
    [InlineData("171234567", IdentificationErrors.CedulaLength)]
    [InlineData("17123456755", IdentificationErrors.CedulaLength)]
    [InlineData("１７１２３４５６７５", IdentificationErrors.InvalidCharacters)]
    [InlineData("١٧١٢٣٤٥٦٧٥", IdentificationErrors.InvalidCharacters)]
    [InlineData("۱۷۱۲۳۴۵۶۷۵", IdentificationErrors.InvalidCharacters)]
    [InlineData("171234567５", IdentificationErrors.InvalidCharacters)]
    [InlineData("1712-345675", IdentificationErrors.InvalidCharacters)]
    [InlineData("17123 45675", IdentificationErrors.InvalidCharacters)]
    [InlineData("<script>", IdentificationErrors.InvalidCharacters)]
    [InlineData("", IdentificationErrors.Required)]
    [InlineData("   ", IdentificationErrors.Required)]
    [InlineData(null, IdentificationErrors.Required)]
    [InlineData("ÑANDU12345", IdentificationErrors.InvalidCharacters)]
    [InlineData("AB12", IdentificationErrors.ForeignCodeLength)]
    [InlineData("A12345678901234567890", IdentificationErrors.ForeignCodeLength)]
    public void Parse_WhenInvalid_ReturnsTheSpanishReason(string? input, string expected)
    {
        var result = IdentificationParser.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("ve1234567", "VE1234567")]
    [InlineData("P12AB", "P12AB")]
    [InlineData("A1234567890123456789", "A1234567890123456789")]
    public void Parse_WhenForeignCode_NormalisesToUpperCase(string input, string expected)
    {
        var result = IdentificationParser.Parse(input);

        Assert.Equal(IdentificationKind.ForeignCode, result.Identification?.Kind);
        Assert.Equal(expected, result.Identification!.Value);
    }

    [Fact]
    public void ComputeCheckDigit_FollowsTheModulo10Rule()
    {
        // 1 7 1 2 3 4 5 6 7 × 2 1 2 1 2 1 2 1 2 → 2 7 2 2 6 4 10→1 6 14→5 = 35; (10 − 5) mod 10 = 5
        Assert.Equal(5, IdentificationParser.ComputeCheckDigit("171234567"));
        // a sum that is a multiple of 10 gives check digit 0
        Assert.Equal(0, IdentificationParser.ComputeCheckDigit("171111111"));
    }
}
