# The API reference (/api/v1/docs), and the links to it
api-docs-title = API reference
api-docs-intro = Every operation of the Yorozu API (/api/v1), with the shape of its requests and responses. It is shown from the OpenAPI document the server publishes.
api-docs-auth = To use the API, send an API token in the Authorization header of each request. You can create tokens in your settings.
api-docs-tokens-link = Manage API tokens
api-docs-spec-link = Download the OpenAPI document (JSON)
api-docs-noscript = The reference needs JavaScript to be shown. Without it, read the OpenAPI document (JSON) directly.
api-docs-link = Read the API reference
help-api-heading = Can I use Yorozu from my own programs?
help-api-text = Yes. With an API token, the JSON API (/api/v1) lets you search services, follow your orders and more. The API reference lists every operation.
