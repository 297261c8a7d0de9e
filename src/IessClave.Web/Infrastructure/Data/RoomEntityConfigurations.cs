using IessClave.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IessClave.Web.Infrastructure.Data;

internal sealed class MeetingRoomConfiguration : IEntityTypeConfiguration<MeetingRoom>
{
    public void Configure(EntityTypeBuilder<MeetingRoom> b)
    {
        b.ToTable("meeting_rooms");
        // The id is the case id, chosen by the caller: opening a room twice for one case finds the same row.
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class RoomJoinTokenConfiguration : IEntityTypeConfiguration<RoomJoinToken>
{
    public void Configure(EntityTypeBuilder<RoomJoinToken> b)
    {
        b.ToTable("room_join_tokens");
        b.HasOne<MeetingRoom>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.RoomId, x.Role });
        b.Property(x => x.TokenHash).HasMaxLength(32);
    }
}
