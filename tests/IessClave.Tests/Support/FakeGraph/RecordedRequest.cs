using System.Text.Json.Nodes;

namespace IessClave.Tests.Support.FakeGraph;

/// <summary>One request as the fake Graph server received it.</summary>
public sealed record RecordedRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonObject Json() => JsonNode.Parse(Body)?.AsObject() ?? throw new InvalidOperationException("Empty body.");

    public bool IsGraph => Path.StartsWith("/v1.0/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}";
}
