using IessClave.Web.Features.Registration;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Features.Registration;

public sealed class ClavePolicyTests
{
    private static readonly DateOnly BirthDate = new(1985, 4, 12);
    private readonly ClavePolicy policy = new(Options.Create(new ClaveOptions()));

    [Theory]
    [InlineData("Cumbre-Andina-2024!")]
    [InlineData("mi perro se llama toby")]
    [InlineData("Ñandú-Quiteño")]
    public void Check_WhenClaveIsGood_HasNoErrors(string clave) =>
        Assert.Empty(policy.Check(clave, "1712345675", BirthDate));

    [Theory]
    [InlineData("Corta1!", "al menos 8")]
    [InlineData("x1712345675x", "identificación")]
    [InlineData("abc12041985", "fecha de nacimiento")]
    [InlineData("19850412abc", "fecha de nacimiento")]
    [InlineData("hola12/04/1985", "fecha de nacimiento")]
    [InlineData("1985-04-12hola", "fecha de nacimiento")]
    [InlineData("123456789", "común")]
    [InlineData("Contraseña", "común")]
    [InlineData("ECUADOR123", "común")]
    [InlineData("", "Escribe")]
    public void Check_WhenClaveBreaksARule_SaysWhich(string clave, string expected)
    {
        var errors = policy.Check(clave, "1712345675", BirthDate);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenForeignCodeInAnyCase_IsRefused() =>
        Assert.NotEmpty(policy.Check("miclave-ve1234567", "VE1234567", BirthDate));

    [Fact]
    public void Check_WhenOverMaxLength_IsRefused() =>
        Assert.Contains(policy.Check(new string('x', 129), "1712345675", BirthDate), e => e.Contains("128"));

    [Fact]
    public void Check_WhenMinLengthConfigured_UsesIt()
    {
        var strict = new ClavePolicy(Options.Create(new ClaveOptions { MinLength = 12 }));

        Assert.NotEmpty(strict.Check("Cumbre-2024", "1712345675", BirthDate));
    }
}
