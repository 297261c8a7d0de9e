namespace IessClave.Web.Infrastructure.Meetings;

/// <summary>The provider answered with success but without what a meeting needs (e.g. no join URL).</summary>
public sealed class MeetingProviderException(string message) : Exception(message);
