"""The Seating screen: a session's room drawn to scale with each delegation at its
places by protocol, moves by hand, the room's layout, and the plan on paper."""
