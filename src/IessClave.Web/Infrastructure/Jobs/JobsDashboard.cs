using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Infrastructure.Jobs;

public static class JobsDashboard
{
    /// <summary>Off unless configured, and then only for requests from the machine itself (admin roles come later).</summary>
    public static void MapJobsDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.DashboardEnabled)
        {
            app.MapHangfireDashboard("/operaciones/trabajos", new DashboardOptions { Authorization = [new LocalRequestsOnlyAuthorizationFilter()] });
        }
    }
}
