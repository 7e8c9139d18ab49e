-- first_timer_buddy.lua -- pair newcomers with people who know the ropes.
--
-- A first-timer (a) meeting an experienced attendee (b) scores `score`;
-- every other direction scores 0.  mingle averages both directions, so
-- such a pair ends up with score / 2 before the strategy's weight.
-- Attendees who left the question empty count as neither.
--
-- Options (keys of the [strategy] section):
--   field  the bool field "is this your first time?"  (first_barcamp)
--   score  what a newcomer gains from a veteran        (1)

local field = "first_barcamp"
local bonus = 1

return {
  name = "first-timer buddy",
  version = "1.0",

  init = function(options)
    for key, value in pairs(options) do
      if key == "field" then
        field = value
      elseif key == "score" then
        bonus = tonumber(value)
        if bonus == nil then
          error("score must be a number, not '" .. value .. "'")
        end
      else
        error("unknown option '" .. key .. "' (known: field, score)")
      end
    end
  end,

  prepare = function(attendees)
    -- Fail now, not at the first pair, if the field is not a bool.
    for _, a in ipairs(attendees) do
      local v = a[field]
      if v ~= nil and type(v) ~= "boolean" then
        error("field '" .. field .. "' must be a bool field, but " ..
          a.id .. " has " .. tostring(v))
      end
    end
  end,

  score = function(a, b)
    if a[field] == true and b[field] == false then
      return bonus, a.name .. " is new here; " .. b.name .. " knows the ropes"
    end
    return 0
  end,
}
