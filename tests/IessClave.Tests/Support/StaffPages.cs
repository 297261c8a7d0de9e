using System.Net;

namespace IessClave.Tests.Support;

/// <summary>A staff page fetched with a signed-in staff member's cookie (see <see cref="AgentConsoleClient.SignInAsync"/>).</summary>
public static class StaffPages
{
    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(PostgresApp app, string path, string cookie)
    {
        using var client = app.Factory.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
