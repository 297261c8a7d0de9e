using System.Text.Json.Nodes;

namespace IessClave.Tests.Support.FakeGraph;

/// <summary>What the fake Graph holds: online meetings by externalId, calendar events by id.</summary>
public sealed class FakeGraphStore
{
    private readonly Dictionary<string, JsonObject> meetingsByExternalId = [];
    private readonly Dictionary<string, JsonObject> events = [];
    private readonly Lock sync = new();

    public IReadOnlyList<JsonObject> Meetings
    {
        get
        {
            lock (sync)
            {
                return meetingsByExternalId.Values.Select(m => m.DeepClone().AsObject()).ToList();
            }
        }
    }

    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (sync)
            {
                return events.Values.Select(e => e.DeepClone().AsObject()).ToList();
            }
        }
    }

    /// <summary>createOrGet: the meeting with this externalId, made with Teams' default settings if new.</summary>
    internal (JsonObject Meeting, bool Created) CreateOrGetMeeting(JsonObject body)
    {
        var externalId = body["externalId"]?.GetValue<string>() ?? throw new ArgumentException("externalId is required.");
        lock (sync)
        {
            if (meetingsByExternalId.TryGetValue(externalId, out var existing))
            {
                return (existing.DeepClone().AsObject(), false);
            }

            var thread = Guid.NewGuid().ToString("N");
            var meeting = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.onlineMeeting",
                ["id"] = "MSp" + Guid.NewGuid().ToString("N"),
                ["externalId"] = externalId,
                ["subject"] = body["subject"]?.DeepClone(),
                ["startDateTime"] = body["startDateTime"]?.DeepClone(),
                ["endDateTime"] = body["endDateTime"]?.DeepClone(),
                ["joinWebUrl"] = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{thread}%40thread.v2/0",
                ["allowedPresenters"] = "everyone",
                ["allowMeetingChat"] = "enabled",
                ["allowRecording"] = true,
                ["allowTranscription"] = true,
                ["lobbyBypassSettings"] = new JsonObject { ["scope"] = "organization", ["isDialInBypassEnabled"] = false },
            };
            meetingsByExternalId[externalId] = meeting;
            return (meeting.DeepClone().AsObject(), true);
        }
    }

    internal JsonObject? PatchMeeting(string id, JsonObject body)
    {
        lock (sync)
        {
            var meeting = meetingsByExternalId.Values.FirstOrDefault(m => m["id"]?.GetValue<string>() == id);
            if (meeting is null)
            {
                return null;
            }

            foreach (var (name, value) in body.Where(p => p.Key != "@odata.type").ToList())
            {
                meeting[name] = value?.DeepClone();
            }

            return meeting.DeepClone().AsObject();
        }
    }

    /// <summary>POST events: a new event with a Teams meeting; the same transactionId returns the same event.</summary>
    internal JsonObject CreateEvent(JsonObject body)
    {
        lock (sync)
        {
            var transactionId = body["transactionId"]?.GetValue<string>();
            var existing = events.Values.FirstOrDefault(e => transactionId is not null && e["transactionId"]?.GetValue<string>() == transactionId);
            if (existing is not null)
            {
                return existing.DeepClone().AsObject();
            }

            var created = body.DeepClone().AsObject();
            created["id"] = "AAMk" + Guid.NewGuid().ToString("N");
            created["isCancelled"] = false;
            if (body["isOnlineMeeting"]?.GetValue<bool>() == true)
            {
                created["onlineMeeting"] = new JsonObject
                {
                    ["joinUrl"] = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{Guid.NewGuid():N}%40thread.v2/0",
                };
            }

            events[created["id"]!.GetValue<string>()] = created;
            return created.DeepClone().AsObject();
        }
    }

    internal bool CancelEvent(string id, string? comment)
    {
        lock (sync)
        {
            if (!events.TryGetValue(id, out var found))
            {
                return false;
            }

            found["isCancelled"] = true;
            found["cancellationComment"] = comment;
            return true;
        }
    }
}
