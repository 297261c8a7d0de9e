using System.Collections.Frozen;
using System.Text.Json;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>Maps stored model type names back to the mail model records of this assembly (no arbitrary types).</summary>
public static class MailModelTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(MailModelTypes).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMailModel).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> All => ByName.Values;

    public static IMailModel Deserialize(StoredMailModel stored) =>
        ByName.TryGetValue(stored.Type, out var type)
            ? (IMailModel)(stored.Model.Deserialize(type) ?? throw new InvalidOperationException($"Empty mail model {stored.Type}."))
            : throw new InvalidOperationException($"Unknown mail model type {stored.Type}.");
}
