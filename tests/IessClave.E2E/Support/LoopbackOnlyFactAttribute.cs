using System.Net.NetworkInformation;

namespace IessClave.E2E.Support;

/// <summary>
/// A test whose browsers make WebRTC calls. WebRTC gathers candidates on every interface the machine has, so
/// these tests run only where loopback is the one interface with an address: the network namespace that
/// ./test.sh enters when it runs as root. Anywhere else they are reported as skipped, with this reason.
/// </summary>
public sealed class LoopbackOnlyFactAttribute : FactAttribute
{
    public LoopbackOnlyFactAttribute()
    {
        if (!IsLoopbackOnly())
        {
            Skip = "WebRTC test: needs a network namespace with only loopback, which ./test.sh sets up when run as root.";
        }
    }

    public static bool IsLoopbackOnly() =>
        !NetworkInterface.GetAllNetworkInterfaces().Any(i =>
            i.NetworkInterfaceType != NetworkInterfaceType.Loopback && i.GetIPProperties().UnicastAddresses.Count > 0);
}
