-- Multi-block uploads of 256 KiB blocks: per wrk thread (one connection each) a chain of
-- finalBlock=false blocks continued with the returned token, committed every 64 blocks (16 MiB) to the
-- same blob, so staged memory stays bounded and every block exercises the append path.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

local block = string.rep("0123456789abcdef", 16384) -- 262,144 bytes
local headers = { ["Authorization"] = "XBL3.0 x=;", ["Content-Type"] = "application/octet-stream" }
local token = nil
local blocks = 0
local path = nil

function init(args)
  path = "/trustedplatform/users/xuid(1)/scids/Bench/data/upload" .. tid .. ".bin,binary"
end

function request()
  if token == nil then
    return wrk.format("PUT", path .. "?finalBlock=false", headers, block)
  end
  local final = blocks >= 63 and "true" or "false"
  return wrk.format("PUT", path .. "?finalBlock=" .. final .. "&continuationToken=" .. token, headers, block)
end

function response(status, headers, body)
  if status == 503 then
    return -- memory budget of unfinished uploads reached: retry the same block with the same token, as XSAPI does
  end
  if status ~= 200 then
    token = nil
    blocks = 0
    return
  end
  local next = body:match('"continuationToken":"([^"]+)"')
  if next then
    token = next
    blocks = blocks + 1
  else
    token = nil
    blocks = 0
  end
end
