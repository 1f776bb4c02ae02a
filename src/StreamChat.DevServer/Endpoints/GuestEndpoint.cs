using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Endpoints;

/// <summary><c>POST /guest</c>: creates a guest user and issues it a signed token.</summary>
internal static class GuestEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(RestAuthMiddleware.GuestPath, CreateGuestAsync);

    private static async Task<IResult> CreateGuestAsync(HttpContext context, DevServerState state)
    {
        var body = await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var details = JsonFields.RequiredObject(body, "user", "user");
        var id = Ids.CheckUserId(JsonFields.OptionalString(details, "id", "user.id"), "user.id");
        var user = state.Users.UpsertGuest(id, details);
        return ProtocolResponse.Created(new JsonObject
        {
            ["access_token"] = state.Issuer.CreateUserToken(id),
            ["user"] = user,
        });
    }
}
