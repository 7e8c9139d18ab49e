-- first_timer_buddy.lua -- pair newcomers with people who know the ropes.
--
-- A first-timer (a) meeting an experienced attendee (b) scores `score`;
-- every other direction scores 0.  mingle averages both directions, so
-- such a pair ends up with score / 2 before the strategy's weight.
-- Attendees who left the question empty count as neither.  max_score
-- says how much score can return for each attendee, so mingle asks the
-- rule only about likely partners.

local field, bonus

return {
  name = "first-timer buddy",
  version = "1.0",

  options = {
    field = { default = "first_barcamp",
      doc = "the bool field \"is this your first time?\"" },
    score = { type = "number", default = 1,
      doc = "what a newcomer gains from a veteran" },
  },

  init = function(options)
    field, bonus = options.field, options.score
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

  -- For each attendee a, after prepare: the most score(a, b) returns,
  -- and the most score(b, a) returns, whoever b is.
  max_score = function(a)
    local most = math.max(bonus, 0)
    if a[field] == true then return most, 0 end
    if a[field] == false then return 0, most end
    return 0, 0
  end,

  score = function(a, b, explain)
    if a[field] == true and b[field] == false then
      -- The reason is shown only when explain is true: not built for
      -- every pair of the scoring loop, where it would be thrown away.
      if not explain then return bonus end
      return bonus, a.name .. " is new here; " .. b.name .. " knows the ropes"
    end
    return 0
  end,
}
