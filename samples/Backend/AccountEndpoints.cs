using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Backend;

/// <summary>Log in and out with a cookie, as in the ASP.NET Core docs' "cookie authentication without Identity".</summary>
public static class AccountEndpoints
{
    /// <summary>The body of <c>POST /login</c>.</summary>
    /// <param name="User">The user name.</param>
    /// <param name="Password">The password.</param>
    public sealed record LoginRequest(string User, string Password);

    /// <summary>Maps <c>POST /login</c> (204 and the cookie, or 401) and <c>POST /logout</c> (revokes the user's chat tokens, then signs out).</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/login", async (LoginRequest login, DemoUsers users, HttpContext context) =>
        {
            if (!users.CheckPassword(login.User, login.Password))
            {
                return Results.Unauthorized();
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, login.User)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.NoContent();
        });

        // Logging out ends the chat session too: tokens issued until now stop working at once, not when they expire.
        app.MapPost("/logout", async (HttpContext context, ChatServerAdmin chat, CancellationToken cancellationToken) =>
        {
            await chat.RevokeTokensAsync(context.User.Identity!.Name!, cancellationToken);
            await context.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization();
    }
}
