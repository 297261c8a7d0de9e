using System.Net;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Microsoft.Kiota.Abstractions;

namespace IessClave.Web.Infrastructure.Meetings;

/// <summary>
/// What went wrong with the meeting provider, said safely: the exception type and HTTP status for the logs (never the
/// message, which may echo the organizer or the request) and a Spanish detail for the agent.
/// </summary>
internal sealed record ProviderFailure(string ErrorType, int? StatusCode, string Detail)
{
    /// <summary>The failure of a provider call, or null for an exception that is not the provider's (a bug, or the caller's cancellation).</summary>
    public static ProviderFailure? From(Exception ex, CancellationToken callerToken)
    {
        var type = ex.GetType().Name;
        return ex switch
        {
            OperationCanceledException when callerToken.IsCancellationRequested => null,
            OperationCanceledException => new(type, null, "Microsoft Graph no respondió a tiempo"),
            AggregateException aggregate => Exhausted(type, aggregate),
            ApiException api => new(type, api.ResponseStatusCode, ForStatus(api.ResponseStatusCode)),
            AuthenticationFailedException when Unreachable(ex) => new(type, null, "no se pudo conectar con Microsoft Entra ID"),
            AuthenticationFailedException => new(type, null, "Microsoft Entra ID no autorizó a la aplicación"), // incl. CredentialUnavailableException
            RequestFailedException failed => new(type, failed.Status, "no se pudo obtener acceso de Microsoft Entra ID"),
            HttpRequestException { StatusCode: { } status } => new(type, (int)status, ForStatus((int)status)),
            HttpRequestException => new(type, null, "no se pudo conectar con Microsoft Graph"),
            JsonException or MeetingProviderException => new(type, null, "Microsoft Graph devolvió una respuesta no válida"),
            _ => null,
        };
    }

    /// <summary>The token request never got an answer (connection refused, DNS, TLS) rather than a refusal.</summary>
    private static bool Unreachable(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or System.Net.Sockets.SocketException || inner is RequestFailedException { Status: 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static ProviderFailure Exhausted(string type, AggregateException aggregate)
    {
        var status = aggregate.InnerExceptions.OfType<ApiException>().LastOrDefault()?.ResponseStatusCode;
        var detail = status == (int)HttpStatusCode.TooManyRequests
            ? "Microsoft Graph limitó las solicitudes y se agotaron los reintentos"
            : "Microsoft Graph no está disponible y se agotaron los reintentos";
        return new(type, status, detail);
    }

    private static string ForStatus(int status) => status switch
    {
        401 => "Microsoft Graph rechazó la autenticación de la aplicación",
        403 => "permiso denegado por Microsoft Graph",
        404 => "Microsoft Graph no encontró al organizador o la reunión",
        429 => "Microsoft Graph limitó las solicitudes",
        >= 500 => "Microsoft Graph no está disponible en este momento",
        _ => $"Microsoft Graph respondió con el error {status}",
    };
}
