using IessClave.Web.Features.Unlock.Virtual;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IessClave.Tests.Features.Unlock.Virtual;

public sealed class VirtualUnlockOptionsTests
{
    [Theory]
    [InlineData(null, 3)]
    [InlineData("5", 5)]
    public void MaxFailedAnswers_DefaultsToThree_AndIsConfigurable(string? configured, int expected)
    {
        Assert.Equal(expected, Resolve(configured).MaxFailedAnswers);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    public void MaxFailedAnswers_OutOfRange_IsRefusedNamingTheKey(string configured)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(configured));

        Assert.Contains(nameof(VirtualUnlockOptions.MaxFailedAnswers), error.Message, StringComparison.Ordinal);
    }

    private static VirtualUnlockOptions Resolve(string? maxFailedAnswers)
    {
        var settings = maxFailedAnswers is null ? [] : new Dictionary<string, string?> { ["VirtualUnlock:MaxFailedAnswers"] = maxFailedAnswers };
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddVirtualUnlock(config).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<VirtualUnlockOptions>>().Value;
    }
}
