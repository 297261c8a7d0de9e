using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.RobotCheck;

internal sealed class AltchaOptionsValidator : IValidateOptions<AltchaOptions>
{
    internal const int MinHmacKeyLength = 32;
    internal const int MaxMaxNumber = 10_000_000;

    public ValidateOptionsResult Validate(string? name, AltchaOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.HmacKey) && options.HmacKey.Length < MinHmacKeyLength)
        {
            failures.Add($"RobotCheck:HmacKey must be empty (random per process) or at least {MinHmacKeyLength} characters.");
        }

        if (options.MaxNumber is < 1 or > MaxMaxNumber)
        {
            failures.Add($"RobotCheck:MaxNumber must be between 1 and {MaxMaxNumber}.");
        }

        if (options.ChallengeLifetime < TimeSpan.FromSeconds(30) || options.ChallengeLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("RobotCheck:ChallengeLifetime must be between 00:00:30 and 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
