using IessClave.Web.Features.Registration;
using IessClave.Web.Infrastructure.Security;

namespace IessClave.Tests.Features.Registration;

public sealed class ContactDataTests
{
    [Theory]
    [InlineData("0991234567", "0991234567")]
    [InlineData("099 123 4567", "0991234567")]
    [InlineData("+593991234567", "+593991234567")]
    [InlineData("0891234567", null)]
    [InlineData("09912345", null)]
    [InlineData("abc", null)]
    [InlineData(null, null)]
    public void NormalizePhone_AcceptsEcuadorianMobilesAndInternationalNumbers(string? input, string? expected) =>
        Assert.Equal(expected, ContactData.NormalizePhone(input));

    [Theory]
    [InlineData("ana@correo.ec", "ana@correo.ec")]
    [InlineData("  ana.perez+iess@sub.correo.ec ", "ana.perez+iess@sub.correo.ec")]
    [InlineData("ana@correo.ec\r\nBcc: otro@x.ec", null)]
    [InlineData("ana@correo.ec\nX: y", null)]
    [InlineData("Ana <ana@correo.ec>", null)]
    [InlineData("ana@correo.ec, otro@x.ec", null)]
    [InlineData("ana@correo", null)]
    [InlineData("ana@@correo.ec", null)]
    [InlineData("\"ana\"@correo.ec", null)]
    [InlineData("añá@correo.ec", null)]
    [InlineData("", null)]
    public void NormalizeEmail_RefusesAnythingAMailHeaderCouldBeAbusedWith(string input, string? expected) =>
        Assert.Equal(expected, ContactData.NormalizeEmail(input));

    [Fact]
    public void NormalizeEmail_WhenOver254Characters_IsRefused() =>
        Assert.Null(ContactData.NormalizeEmail(new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 4)) + ".ec"));

    [Theory]
    [InlineData("maria.guaman@correo.ec", "ma**********@correo.ec")]
    [InlineData("a@b.ec", "a***@b.ec")]
    public void MaskEmail_KeepsTheDomainAndTwoLetters(string email, string expected) =>
        Assert.Equal(expected, ContactData.MaskEmail(email));

    [Theory]
    [InlineData("  José   Pérez ", "jose perez")]
    [InlineData("FIRULAIS", "firulais")]
    [InlineData("Ñandú", "nandu")]
    public void NormalizeAnswer_IgnoresCaseAccentsAndSpacing(string input, string expected) =>
        Assert.Equal(expected, SecretHasher.NormalizeAnswer(input));
}
