using System.Text;
using IessClave.Web.Infrastructure.Mail.Calendar;

namespace IessClave.Tests.Infrastructure.Mail.Calendar;

public sealed class IcsTextTests
{
    [Theory]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb\rc", @"a\nb\nc")]
    [InlineData("Cita: 10:30 \"hoy\"", "Cita: 10:30 \"hoy\"")]
    [InlineData("a\u0007b", "a b")]
    public void Escape_WhenTextHasSpecialCharacters_EscapesThemPerRfc5545(string value, string expected) =>
        Assert.Equal(expected, IcsText.Escape(value));

    [Fact]
    public void Fold_WhenLineIsShort_KeepsOneLine() => Assert.Equal("SUMMARY:x\r\n", IcsText.Fold("SUMMARY:x"));

    [Fact]
    public void Fold_WhenLineHasMultiByteCharacters_SplitsAt75OctetsWithoutBreakingAny()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Añoñé€😀 ", 40));

        var folded = IcsText.Fold(line);

        Assert.EndsWith("\r\n", folded, StringComparison.Ordinal);
        var physical = folded[..^2].Split("\r\n");
        Assert.True(physical.Length > 5);
        Assert.All(physical, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, IcsText.MaxLineOctets));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.All(physical, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.All(physical, p => Assert.False(char.IsHighSurrogate(p[^1]), "a surrogate pair was split"));
        Assert.Equal(line, string.Concat(physical.Select((p, i) => i == 0 ? p : p[1..])));
    }

    [Fact]
    public void Fold_WhenLineIsExactly75Octets_DoesNotFold()
    {
        var line = new string('x', IcsText.MaxLineOctets);

        Assert.Equal(line + "\r\n", IcsText.Fold(line));
        Assert.Equal(line + "\r\n y\r\n", IcsText.Fold(line + "y"));
    }
}
