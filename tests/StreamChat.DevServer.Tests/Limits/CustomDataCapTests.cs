using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Limits;

/// <summary>The size caps on custom data kept for users, channels and messages: over one is code 4 and nothing is kept.</summary>
public sealed class CustomDataCapTests : DevServerTest
{
    private const int Cap = 100;
    private static readonly string Big = new('b', Cap);
    private static readonly string Half = new('h', Cap / 2);

    protected override void Configure(DevServerOptions options)
    {
        options.MaxUserCustomDataBytes = Cap;
        options.MaxChannelCustomDataBytes = Cap;
        options.MaxMessageCustomDataBytes = Cap;
    }

    [Test]
    public async Task User_custom_data_over_the_cap_is_code_4_and_the_user_is_not_created()
    {
        var refused = await Api.PostAsync("/users", Upsert("bob", "bio", Big), ServerToken());
        refused.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.That(refused.Body["message"]?.GetValue<string>(), Does.Contain("MaxUserCustomDataBytes"));

        // A guest may take any id that no user has: bob was never created.
        var guest = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"bob"}}""");
        Assert.That(guest.Status, Is.EqualTo(HttpStatusCode.Created), guest.Body.ToJsonString());
    }

    [Test]
    public async Task Merge_that_grows_past_the_cap_is_code_4_and_leaves_the_user_unchanged()
    {
        await Api.PostAsync("/users", Upsert("bob", "one", Half), ServerToken());
        var refused = await Api.SendAsync(HttpMethod.Patch, "/users", $$$"""{"users":[{"id":"bob","set":{"two":"{{{Half}}}"}}]}""", ServerToken());
        var after = await Api.SendAsync(HttpMethod.Patch, "/users", """{"users":[{"id":"bob","set":{}}]}""", ServerToken());
        refused.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(after.Body["users"]?["bob"]?["one"]?.GetValue<string>(), Is.EqualTo(Half));
            Assert.That(after.Body["users"]?["bob"]?["two"], Is.Null);
        });
    }

    [Test]
    public async Task A_partial_update_with_one_user_over_the_cap_changes_no_user_of_the_request()
    {
        await Api.PostAsync("/users", Upsert("bob", "one", Half), ServerToken());
        var revokeAt = System.DateTimeOffset.UnixEpoch.AddYears(56).ToString("O");

        // A new user, bob's role and bob's cutoff come before the entry over the cap: none of them may be applied.
        var refused = await Api.SendAsync(
            HttpMethod.Patch,
            "/users",
            $$$"""{"users":[{"id":"alice","set":{"bio":"x"}},{"id":"bob","set":{"role":"admin","revoke_tokens_issued_before":"{{{revokeAt}}}"}},{"id":"bob","set":{"two":"{{{Half}}}"}}]}""",
            ServerToken());
        var after = await Api.SendAsync(HttpMethod.Patch, "/users", """{"users":[{"id":"bob","set":{}}]}""", ServerToken());

        refused.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        var bob = after.Body["users"]?["bob"];
        Assert.Multiple(() =>
        {
            Assert.That(bob?["role"]?.GetValue<string>(), Is.EqualTo("user"), bob?.ToJsonString());
            Assert.That(bob?["revoke_tokens_issued_before"], Is.Null, bob?.ToJsonString());
            Assert.That(bob?["two"], Is.Null, bob?.ToJsonString());
        });

        // alice was never created: a guest may take her id.
        var guest = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"alice"}}""");
        Assert.That(guest.Status, Is.EqualTo(HttpStatusCode.Created), guest.Body.ToJsonString());
    }

    [Test]
    public async Task Unset_removes_custom_fields_and_makes_room_for_a_set_in_the_same_update()
    {
        await Api.PostAsync("/users", Upsert("bob", "one", Half), ServerToken());

        var update = await Api.SendAsync(HttpMethod.Patch, "/users", $$$"""{"users":[{"id":"bob","set":{"two":"{{{Half}}}"},"unset":["one","role"]}]}""", ServerToken());

        var bob = update.Body["users"]?["bob"];
        Assert.Multiple(() =>
        {
            Assert.That(update.Status, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.OK), update.Body.ToJsonString());
            Assert.That(bob?["one"], Is.Null, bob?.ToJsonString());
            Assert.That(bob?["two"]?.GetValue<string>(), Is.EqualTo(Half));
            Assert.That(bob?["role"]?.GetValue<string>(), Is.EqualTo("user"), "a server-owned field is not unset");
        });
    }

    [Test]
    public async Task Unset_that_is_not_a_list_of_names_is_code_4()
    {
        var refused = await Api.SendAsync(HttpMethod.Patch, "/users", """{"users":[{"id":"bob","unset":"one"}]}""", ServerToken());

        refused.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.That(refused.Body["message"]?.GetValue<string>(), Does.Contain("users[].unset"));
    }

    [Test]
    public async Task User_details_over_the_cap_on_connect_get_the_code_4_error_frame()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "bob", UserToken("bob"), userDetails: new JsonObject { ["id"] = "bob", ["bio"] = Big });
        var frame = await ws.ReceiveAsync();
        Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(4), frame?.ToJsonString());
    }

    [Test]
    public async Task Guest_details_over_the_cap_are_code_4()
    {
        var refused = await Api.AnonymousPostAsync("/guest", $$$"""{"user":{"id":"visitor","bio":"{{{Big}}}"}}""");
        refused.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Channel_data_over_the_cap_is_code_4_and_the_channel_is_not_created()
    {
        var refused = await Api.PostAsync("/channels/messaging/big/query", $$$"""{"data":{"topic":"{{{Big}}}"}}""", UserToken("alice"));
        var message = await Api.PostAsync("/channels/messaging/big/message", """{"message":{"text":"hi"}}""", UserToken("alice"));
        refused.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.That(refused.Body["message"]?.GetValue<string>(), Does.Contain("MaxChannelCustomDataBytes"));
        message.AssertError(StreamErrorCode.NotFound, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Message_custom_fields_and_attachments_over_the_cap_are_code_4_and_not_kept()
    {
        await CreateChannelAsync("messaging", "room");
        var custom = await Api.PostAsync("/channels/messaging/room/message", $$$"""{"message":{"text":"hi","extra":"{{{Big}}}"}}""", UserToken("alice"));
        var attachments = await Api.PostAsync("/channels/messaging/room/message", $$$"""{"message":{"attachments":[{"title":"{{{Big}}}"}]}}""", UserToken("alice"));
        var query = await Api.PostAsync("/channels/messaging/room/query", "{}", UserToken("alice"));
        custom.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        attachments.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(custom.Body["message"]?.GetValue<string>(), Does.Contain("MaxMessageCustomDataBytes"));
            Assert.That(query.Body["messages"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Message_text_has_its_own_cap_and_does_not_count_as_custom_data()
    {
        await CreateChannelAsync("messaging", "room");
        var sent = await Api.PostAsync("/channels/messaging/room/message", $$$"""{"message":{"text":"{{{new string('t', 5000)}}}"}}""", UserToken("alice"));
        Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created), sent.Body.ToJsonString());
    }

    private static string Upsert(string id, string field, string value) =>
        new JsonObject { ["users"] = new JsonObject { [id] = new JsonObject { [field] = value } } }.ToJsonString();
}
