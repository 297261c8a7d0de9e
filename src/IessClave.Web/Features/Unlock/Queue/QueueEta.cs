namespace IessClave.Web.Features.Unlock.Queue;

/// <summary>The estimated wait, in words; wwwroot/js/queue.js computes the same thing in the browser.</summary>
public static class QueueEta
{
    public static int Seconds(int position, int avgServiceSeconds, int agentsAvailable) =>
        position <= 0 ? 0 : (int)Math.Ceiling((double)position / Math.Max(1, agentsAvailable)) * avgServiceSeconds;

    public static string Describe(int position, int avgServiceSeconds, int agentsAvailable)
    {
        if (position <= 0)
        {
            return "—";
        }

        var minutes = (int)Math.Ceiling(Seconds(position, avgServiceSeconds, agentsAvailable) / 60.0);
        var text = minutes <= 1 ? "alrededor de 1 minuto" : $"alrededor de {minutes} minutos";
        return agentsAvailable == 0 ? text + " (ahora no hay agentes disponibles)" : text;
    }
}
